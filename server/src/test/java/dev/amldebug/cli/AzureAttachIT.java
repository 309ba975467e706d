package dev.amldebug.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.amldebug.server.testing.FakeAzure;
import dev.amldebug.server.testing.FakeJobs;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * The Azure ML guide's own path, for real: a job whose script calls debugpy.listen itself runs in a container of the fake's
 * stand-in compute (a Docker network of its own); `azure attach` finds `ip_address:` in its log in the workspace
 * storage, attaches to the container's address, stops at a breakpoint, continues, and the job completes.
 */
class AzureAttachIT extends FakeComputeCliTest {

    static final String GUIDE_SCRIPT = """
            import socket
            import debugpy
            ip = socket.gethostbyname(socket.gethostname())
            print("ip_address: " + ip, flush=True)
            debugpy.listen(("0.0.0.0", 5678))
            debugpy.wait_for_client()
            message = "remote debugging"
            print(message + " done", flush=True)
            """;

    @Test
    void attachFindsTheGuidesAddressInTheLogStopsAtABreakpointAndTheJobCompletes() throws Exception {
        Path code = folder.resolve("src");
        Files.createDirectories(code);
        Files.writeString(code.resolve("guide.py"), GUIDE_SCRIPT);
        String job = submit("python guide.py");

        JarProcess attach = JarProcess.startIn(code, environment, "azure", "attach", job, "--break", "guide.py:8",
                "--timeout", "120", "--folder", folder.toString());
        int exit = attach.waitFor(180);

        assertThat(attach.output()).contains("debugpy: 1", "stopped at guide.py:8 in <module>", "  message = 'remote debugging'");
        assertThat(exit).as(attach.output()).isZero();
        FakeJobs.awaitStatus(fake, job, "Completed", Duration.ofSeconds(60));
        assertThat(log(job, "user_logs/std_log.txt")).contains("ip_address: ").contains("remote debugging done");
    }

    @Test
    void attachToAJobThatEndedSaysToReplayIt() throws Exception {
        Path code = folder.resolve("src");
        Files.createDirectories(code);
        Files.writeString(code.resolve("quick.py"), "print('no debugger here')\n");
        String job = submit("python quick.py");
        FakeJobs.awaitStatus(fake, job, "Completed", Duration.ofSeconds(60));

        JarProcess attach = JarProcess.startIn(code, environment, "azure", "attach", job, "--folder", folder.toString());
        assertThat(attach.waitFor(60)).isEqualTo(2);
        assertThat(attach.output()).contains("has ended (Completed)").contains("aml-debug azure replay " + job);
    }

    private String submit(String command) throws Exception {
        Path project = folder.resolve("src");
        Files.writeString(folder.resolve("job.yml"), """
                code: src
                command: %s
                experiment_name: guide
                environment:
                  image: aml-debug/python:bookworm
                """.formatted(command));
        Cli submit = Cli.run(FakeAzure.inProcess(environment), "azure", "submit", folder.resolve("job.yml").toString(), "--compute", "cpu-cluster",
                "--folder", folder.toString());
        assertThat(submit.exitCode).as(submit.toString()).isZero();
        assertThat(project).isDirectory();
        return jobName(submit.out);
    }
}
