package dev.amldebug.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.amldebug.azurefake.FakeAzureMl;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A command job on two nodes submitted with --debug, for real: the fake runs each process in a container of its own
 * with Azure ML's rank environment and its own std_log_process_N.txt; each process runs under the shim, and the console
 * debugger attaches to each in turn, stops at the breakpoint with that rank's locals, and the job completes.
 */
public class AzureCommandDebugIT extends FakeComputeCliTest {
    public static final String SCRIPT = """
            import os
            rank = int(os.environ["RANK"])
            share = rank * 10
            print("rank", rank, "of", os.environ["WORLD_SIZE"], "on node", os.environ["NODE_RANK"], "share", share, flush=True)
            """;
    public static final String JOB = """
            type: command
            experiment_name: remote-debug
            code: src
            command: python spread.py
            compute: azureml:cpu-cluster
            resources:
              instance_count: 2
            distribution:
              type: pytorch
              process_count_per_instance: 1
            environment:
              image: aml-debug/python:bookworm
            """;

    @BeforeEach
    void signIn() throws Exception {
        Files.createDirectories(folder.resolve("src"));
        Files.writeString(folder.resolve("src/spread.py"), SCRIPT);
        Files.writeString(folder.resolve("job.yml"), JOB);
    }

    @Test
    void debugAttachesToEveryProcessOfATwoNodeJobInTurnAndTheJobCompletes() throws Exception {
        JarProcess submit = JarProcess.startIn(folder, environment, "azure", "submit", "job.yml", "--debug", "--break",
                "src/spread.py:4", "--wait-timeout", "120", "--folder", folder.toString());
        int exit = submit.waitFor(300);

        String output = submit.output();
        String job = jobName(output);
        assertThat(output).contains("(job " + job + " rank 0 (node 0), run " + job, "(job " + job + " rank 1 (node 1), run " + job,
                "stopped at spread.py:4 in <module>", "  share = 0", "  share = 10", job + ": Completed");
        assertThat(exit).as(output).isZero();
        assertThat(log(job, "user_logs/std_log_process_1.txt")).contains("Debugger attached = True", "rank 1 of 2 on node 1 share 10");
        assertThat(log(job, "user_logs/std_log_process_0.txt")).contains("rank 0 of 2 on node 0 share 0");
        assertThat(folder.resolve("src")).isDirectoryNotContaining(path -> path.getFileName().toString().equals(".aml_debug"));
    }

}
