package dev.amldebug.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.amldebug.runner.docker.DockerConnection;
import dev.amldebug.runner.docker.HostRouteFinder;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * azure submit --debug --connect-back, for real: the fake runs a two-node job, each process in a container on a network
 * of its own that nothing reaches from outside; each process dials this machine's debug hub back (where this engine's
 * containers reach this machine, as a compute node would over a VPN), presenting the token from its snapshot; the console debugger takes
 * both ranks, stops each at the breakpoint, and the job completes. Nothing of the token reaches the job's definition.
 */
class AzureConnectBackIT extends FakeComputeCliTest {
    @BeforeEach
    void signIn() throws Exception {
        Files.createDirectories(folder.resolve("src"));
        Files.writeString(folder.resolve("src/spread.py"), AzureCommandDebugIT.SCRIPT);
        Files.writeString(folder.resolve("job.yml"), AzureCommandDebugIT.JOB);
    }

    @Test
    void everyProcessDialsBackToTheHubAndTheConsoleStopsInEachRank() throws Exception {
        // Where this engine's containers reach this machine (a fresh engine's bridge lists no gateway).
        String gateway = new HostRouteFinder(DockerConnection.open()).find().listen().getHostAddress();
        int port;
        try (ServerSocket probe = new ServerSocket(0, 1, InetAddress.getByName(gateway))) {
            port = probe.getLocalPort();
        }
        JarProcess submit = JarProcess.startIn(folder, environment, "azure", "submit", "job.yml", "--debug", "--connect-back",
                gateway + ":" + port, "--break", "src/spread.py:4", "--wait-timeout", "120", "--folder", folder.toString());
        int exit = submit.waitFor(300);

        String output = submit.output();
        String job = jobName(output);
        assertThat(output).contains("Debug hub listening on " + gateway + ":" + port, "rank 0 stopped at spread.py:4",
                "rank 1 stopped at spread.py:4", "share = 10", job + ": Completed");
        assertThat(exit).as(output).isZero();
        assertThat(log(job, "user_logs/std_log_process_1.txt")).contains("Connected to the debug hub at " + gateway,
                "Debugger attached = True", "rank 1 of 2 on node 1 share 10");
        String definition = fake.workspace().jobs.find(job).orElseThrow().submitted.toString();
        assertThat(definition).contains("--connect " + gateway + ":" + port).doesNotContain("AML_DEBUG_HUB_TOKEN");
    }

}
