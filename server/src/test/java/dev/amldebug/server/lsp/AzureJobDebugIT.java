package dev.amldebug.server.lsp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.amldebug.azurefake.FakeAzureMlExtension;
import dev.amldebug.bridge.ChannelStreams;
import dev.amldebug.bridge.testing.DapTestClient;
import dev.amldebug.server.lsp.Protocol.DebugAdapterEndpoint;
import dev.amldebug.server.lsp.Protocol.DebugAdapterEndpointParams;
import dev.amldebug.server.testing.FakeAzure;
import dev.amldebug.server.testing.FakeJobs;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.eclipse.lsp4j.debug.ContinueArguments;
import org.eclipse.lsp4j.debug.SourceBreakpoint;
import org.eclipse.lsp4j.debug.StackTraceArguments;
import org.eclipse.lsp4j.debug.StackTraceResponse;
import org.eclipse.lsp4j.debug.StoppedEventArguments;
import org.eclipse.lsp4j.debug.TerminatedEventArguments;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The Azure ML job actions of the editor, for real: jobs submitted over LSP run in containers of the fake's stand-in
 * compute. "Attach debugger" on a job whose script calls debugpy.listen itself gives debugReady, a DAP client on the
 * editor's endpoint stops at a breakpoint in the local file and continues, and the job completes; "Replay locally" of a
 * failed job gives a local run that fails the same way.
 */
class AzureJobDebugIT {
    @RegisterExtension
    static final FakeAzureMlExtension AZURE = FakeAzure.withCompute();

    private static final Duration WAIT = Duration.ofSeconds(180);

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

    static final String FAILING_SCRIPT = """
            import sys
            rows = open(sys.argv[1]).read().splitlines()
            print("rows:", len(rows), flush=True)
            raise ValueError("bad rows: " + str(len(rows)))
            """;

    @RegisterExtension
    final LanguageServerExtension lsp = LanguageServerExtension.signedInTo(AZURE);

    private Map<String, Object> command(String id, Map<String, Object> arguments, Duration wait) throws Exception {
        return lsp.session().commandResult(id, arguments, wait);
    }

    /** Submits job.yml over LSP, as "Submit experiment" to a compute does; the job's node id. */
    private Map<String, Object> submit(String jobYaml) throws Exception {
        Files.writeString(lsp.workspace().resolve("job.yml"), jobYaml);
        return command("azureml.azure.submit", Map.of("config", "job.yml", "compute", "cpu-cluster",
                "workspaceId", AZURE.fake().workspace().armId()), Duration.ofSeconds(120));
    }

    @Test
    void attachJobGivesDebugReadyAndTheEditorsDebuggerStopsAtABreakpointAndTheJobCompletes() throws Exception {
        Path script = lsp.workspace().resolve("src/guide.py");
        Files.createDirectories(script.getParent());
        Files.writeString(script, GUIDE_SCRIPT);
        Map<String, Object> job = submit("""
                code: src
                command: python guide.py
                experiment_name: guide
                environment:
                  image: aml-debug/python:bookworm
                """);
        String jobName = (String) job.get("jobName");

        Map<String, Object> attached = command("azureml.azure.attachJob", Map.of("nodeId", job.get("nodeId"),
                "localRoot", "src", "timeout", 150), WAIT);

        String runId = (String) attached.get("runId");
        assertThat((String) attached.get("host")).matches("[0-9.]+");
        assertThat(lsp.session().client.debugReady).anyMatch(ready -> runId.equals(ready.runId()) && jobName.equals(ready.azureJob()));
        stopAtBreakpointAndContinue(lsp.session(), runId, script, 8);

        FakeJobs.awaitStatus(AZURE.fake(), jobName, "Completed", WAIT);
        assertThat(logOf(jobName)).contains("ip_address: ").contains("remote debugging done");
    }

    @Test
    void replayJobOfAFailedJobGivesALocalRunThatFailsTheSameWay() throws Exception {
        Files.createDirectories(lsp.workspace().resolve("src"));
        Files.writeString(lsp.workspace().resolve("src/fail.py"), FAILING_SCRIPT);
        Files.writeString(lsp.workspace().resolve("data.csv"), "1\n2\n3");
        Map<String, Object> job = submit("""
                code: src
                command: python fail.py ${{inputs.data}}
                experiment_name: replays
                environment:
                  image: aml-debug/python:bookworm
                inputs:
                  data:
                    type: uri_file
                    path: ./data.csv
                """);
        String jobName = (String) job.get("jobName");
        await().atMost(WAIT).until(() -> AZURE.fake().workspace().jobs.find(jobName).orElseThrow().terminal());
        assertThat(AZURE.fake().workspace().jobs.find(jobName).orElseThrow().status).as(logOf(jobName)).isEqualTo("Failed");
        assertThat(logOf(jobName)).contains("rows: 3", "ValueError: bad rows: 3");

        Map<String, Object> replay = command("azureml.azure.replayJob", Map.of("nodeId", job.get("nodeId")), WAIT);

        String runId = (String) replay.get("runId");
        assertThat(replay).containsEntry("replayOf", AZURE.fake().options().workspace() + "/" + jobName);
        await().atMost(WAIT).until(() -> lsp.session().client.statuses.stream()
                .anyMatch(status -> status.runId().equals(runId) && status.status().equals("Failed")));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(lsp.session().client.logs.stream()
                .filter(log -> log.runId().equals(runId) && log.file().equals("70_driver_log.txt"))
                .flatMap(log -> log.lines().stream())).contains("rows: 3", "ValueError: bad rows: 3"));
        assertThat(lsp.session().children("local/experiments/replays")).anyMatch(node -> runId.equals(node.runId()));
    }

    /**
     * Through the editor's debug endpoint for {@code runId}, as the editor attaches after debugReady: a DAP session
     * stops at {@code line} of the local {@code script}, continues, and ends.
     */
    static void stopAtBreakpointAndContinue(LspSession session, String runId, Path script, int line) throws Exception {
        DebugAdapterEndpoint endpoint = session.server.debugAdapterEndpoint(new DebugAdapterEndpointParams(runId))
                .get(30, TimeUnit.SECONDS);
        SocketAddress address = endpoint.transport().equals("pipe") ? UnixDomainSocketAddress.of(endpoint.path())
                : new InetSocketAddress(InetAddress.getLoopbackAddress(), endpoint.port());
        SocketChannel channel = SocketChannel.open(address);
        try (DapTestClient debug = new DapTestClient(ChannelStreams.in(channel), ChannelStreams.out(channel), channel)) {
            debug.startSession(Map.of(script.toString(), new SourceBreakpoint[] {DapTestClient.line(line)}));
            StoppedEventArguments stopped = debug.await(StoppedEventArguments.class);
            StackTraceArguments stack = new StackTraceArguments();
            stack.setThreadId(stopped.getThreadId());
            StackTraceResponse frames = debug.server.stackTrace(stack).get(30, TimeUnit.SECONDS);
            assertThat(frames.getStackFrames()[0].getLine()).isEqualTo(line);
            assertThat(frames.getStackFrames()[0].getSource().getPath()).isEqualTo(script.toString());
            ContinueArguments resume = new ContinueArguments();
            resume.setThreadId(stopped.getThreadId());
            debug.server.continue_(resume).get(30, TimeUnit.SECONDS);
            debug.await(TerminatedEventArguments.class);
        }
    }

    private String logOf(String job) {
        return new String(AZURE.fake().blobs().read("azureml", "ExperimentRun/dcid." + job + "/user_logs/std_log.txt"),
                StandardCharsets.UTF_8);
    }
}
