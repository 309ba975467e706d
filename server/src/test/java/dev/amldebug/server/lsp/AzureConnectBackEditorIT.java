package dev.amldebug.server.lsp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.amldebug.azurefake.FakeAzureMl;
import dev.amldebug.azurefake.FakeAzureMlExtension;
import dev.amldebug.bridge.ChannelStreams;
import dev.amldebug.bridge.testing.DapTestClient;
import dev.amldebug.cli.AzureCommandDebugIT;
import dev.amldebug.runner.docker.DockerConnection;
import dev.amldebug.runner.docker.HostRouteFinder;
import dev.amldebug.server.lsp.Protocol.DebugAdapterEndpoint;
import dev.amldebug.server.lsp.Protocol.DebugAdapterEndpointParams;
import dev.amldebug.server.lsp.Protocol.DebugReadyParams;
import dev.amldebug.server.testing.FakeAzure;
import dev.amldebug.server.testing.FakeJobs;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.SocketAddress;
import java.net.UnixDomainSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.nio.channels.SocketChannel;
import org.eclipse.lsp4j.debug.StartDebuggingRequestArguments;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Connect-back from the editor, for real, through the same job service as azure submit --connect-back: "Submit" with
 * debug and connectBack over LSP; the server's debug hub listens where this engine's containers reach this machine,
 * both processes of the fake's two-node job dial it; debugReady names the job's one target; a DAP client that answers
 * startDebugging gets a child session per rank, each stops at the breakpoint in the local script, and the job completes.
 */
class AzureConnectBackEditorIT {
    @RegisterExtension
    static final FakeAzureMlExtension AZURE = FakeAzure.withCompute();

    private static final Duration WAIT = Duration.ofSeconds(240);

    @RegisterExtension
    final LanguageServerExtension lsp = LanguageServerExtension.signedInTo(AZURE);

    private FakeAzureMl fake;
    private LspSession session;
    private Path workspace;

    @BeforeEach
    void start() throws Exception {
        fake = AZURE.fake();
        session = lsp.session();
        workspace = lsp.workspace();
        Files.createDirectories(workspace.resolve("src"));
        Files.writeString(workspace.resolve("src/spread.py"), AzureCommandDebugIT.SCRIPT);
        Files.writeString(workspace.resolve("job.yml"), AzureCommandDebugIT.JOB);
    }

    @Test
    void aJobSubmittedWithConnectBackGivesOneDebugReadyAndAChildSessionPerRankThatStopsAtTheBreakpoint() throws Exception {
        String gateway = new HostRouteFinder(DockerConnection.open()).find().listen().getHostAddress();
        int port;
        try (ServerSocket probe = new ServerSocket(0, 1, InetAddress.getByName(gateway))) {
            port = probe.getLocalPort();
        }
        String job = (String) session.commandResult("azureml.azure.submit", Map.of("config", "job.yml", "compute",
                "cpu-cluster", "workspaceId", fake.workspace().armId(), "debug", true, "connectBack", gateway + ":" + port,
                "waitTimeout", 120), Duration.ofSeconds(120)).get("jobName");

        await().atMost(WAIT).until(() -> session.client.debugReady.stream().anyMatch(ready -> job.equals(ready.azureJob())));
        DebugReadyParams ready = session.client.debugReady.stream().filter(r -> job.equals(r.azureJob())).findFirst().orElseThrow();
        assertThat(ready.endpoint()).isEqualTo(gateway + ":" + port);
        Path script = workspace.resolve("src/spread.py");
        try (DapTestClient parent = connect(ready.runId())) {
            parent.initialize("azureml", true);
            parent.answer(parent.attach(Map.of("runId", ready.runId()), null));
            List<DapTestClient> children = new ArrayList<>();
            List<String> names = new ArrayList<>();
            for (int i = 0; i < 2; i++) {
                Map<String, ?> configuration = parent.await(StartDebuggingRequestArguments.class).getConfiguration();
                names.add((String) configuration.get("name"));
                // A child session names no run: the editor opens it as a new session, on an endpoint of its own.
                DapTestClient child = connect(null);
                child.initialize("azureml", false);
                child.attach(configuration, script.toString(), 4);
                children.add(child);
            }
            assertThat(names).containsExactlyInAnyOrder("rank 0 (node 0)", "rank 1 (node 1)");
            DapTestClient.continueEach(children);
        }

        FakeJobs.awaitStatus(fake, job, "Completed", WAIT);
        String log = new String(fake.blobs().read("azureml", "ExperimentRun/dcid." + job + "/user_logs/std_log_process_1.txt"),
                StandardCharsets.UTF_8);
        assertThat(log).contains("Connected to the debug hub at " + gateway, "Debugger attached = True", "rank 1 of 2 on node 1 share 10");
    }

    /** A DAP connection to the editor's debug endpoint for {@code runId} (null: none), as VS Code opens one per session. */
    private DapTestClient connect(String runId) throws Exception {
        DebugAdapterEndpoint endpoint = session.server.debugAdapterEndpoint(new DebugAdapterEndpointParams(runId))
                .get(30, TimeUnit.SECONDS);
        SocketAddress address = endpoint.transport().equals("pipe") ? UnixDomainSocketAddress.of(endpoint.path())
                : new InetSocketAddress(InetAddress.getLoopbackAddress(), endpoint.port());
        SocketChannel channel = SocketChannel.open(address);
        return new DapTestClient(ChannelStreams.in(channel), ChannelStreams.out(channel), channel).waitingUpTo(WAIT);
    }
}
