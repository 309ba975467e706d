package dev.amldebug.server.lsp;

import static dev.amldebug.runner.testing.Projects.write;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.amldebug.bridge.ChannelStreams;
import dev.amldebug.bridge.testing.DapTestClient;
import dev.amldebug.runner.testing.DockerResources;
import dev.amldebug.runner.testing.FailingScript;
import dev.amldebug.runner.testing.FreePorts;
import dev.amldebug.server.lsp.Protocol.DebugAdapterEndpoint;
import dev.amldebug.server.lsp.Protocol.DebugAdapterEndpointParams;
import dev.amldebug.server.lsp.Protocol.TreeNode;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.SocketChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.eclipse.lsp4j.WorkDoneProgressKind;
import org.eclipse.lsp4j.debug.ContinueArguments;
import org.eclipse.lsp4j.debug.ExitedEventArguments;
import org.eclipse.lsp4j.debug.SourceBreakpoint;
import org.eclipse.lsp4j.debug.StoppedEventArguments;
import org.eclipse.lsp4j.debug.TerminatedEventArguments;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;

/** A whole debug run driven through LSP and DAP: real engine, real debugpy, the server's own endpoint. */
@ExtendWith(DockerResources.class)
class LanguageServerIT {
    private static final Duration WAIT = Duration.ofSeconds(120);

    @RegisterExtension
    final LanguageServerExtension lsp = LanguageServerExtension.local();

    @Test
    void submitDebugAttachHitABreakpointAndSeeTheRunCompleteInTheTree() throws Exception {
        Path script = write(lsp.workspace(), "train.py", "for step in range(3):\n    loss = 1.0 / (step + 1)\n    print('step', step, flush=True)\n");
        LspSession session = lsp.session();
        Object submitted = session.command("azureml.submitExperiment", Map.of("configuration", "train.py",
                "experiment", "lsp", "debug", true, "waitTimeout", 120)).get(30, TimeUnit.SECONDS);
        String runId = submitted.toString().replaceAll(".*runId=([^,}]+).*", "$1");
        await().atMost(WAIT).until(() -> session.client.debugReady.stream().anyMatch(d -> d.runId().equals(runId)));

        DebugAdapterEndpoint endpoint = session.server.debugAdapterEndpoint(new DebugAdapterEndpointParams(runId))
                .get(30, TimeUnit.SECONDS);
        assertThat(endpoint.transport()).isEqualTo("pipe");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(Path.of(endpoint.path()))))
                .isEqualTo("rw-------");
        SocketChannel channel = SocketChannel.open(UnixDomainSocketAddress.of(endpoint.path()));
        try (DapTestClient debug = new DapTestClient(ChannelStreams.in(channel),
                ChannelStreams.out(channel), channel)) {
            debug.startSession(Map.of(script.toString(), new SourceBreakpoint[] {DapTestClient.line(3)}));
            StoppedEventArguments stopped = debug.await(StoppedEventArguments.class);
            ContinueArguments resume = new ContinueArguments();
            resume.setThreadId(stopped.getThreadId());
            debug.server.setBreakpoints(DapTestClient.breakpointsFor(script.toString(), new SourceBreakpoint[0]))
                    .get(30, TimeUnit.SECONDS);
            debug.server.continue_(resume).get(30, TimeUnit.SECONDS);
            assertThat(debug.await(ExitedEventArguments.class).getExitCode()).isZero();
            debug.await(TerminatedEventArguments.class);
        }

        await().atMost(WAIT).until(() -> session.client.statuses.stream()
                .anyMatch(s -> s.runId().equals(runId) && s.status().equals("Completed")));
        TreeNode run = session.children("local/experiments/lsp").get(0);
        assertThat(run.contextValue()).isEqualTo("azureml.run.completed");
        assertThat(session.children(run.id() + "/logs")).hasSize(2);
        await().atMost(WAIT).until(() -> session.client.logs.stream()
                .filter(l -> l.runId().equals(runId) && l.file().equals("70_driver_log.txt"))
                .flatMap(l -> l.lines().stream()).anyMatch(line -> line.equals("step 2")));
        assertThat(session.client.logs.stream().filter(l -> l.file().equals("60_control_log.txt"))
                .flatMap(l -> l.lines().stream())).anyMatch(line -> line.startsWith("Started container"));
        assertThat(session.client.progress).anyMatch(p -> p.getValue().getLeft().getKind() == WorkDoneProgressKind.begin);
        assertThat(session.client.progress).anyMatch(p -> p.getValue().getLeft().getKind() == WorkDoneProgressKind.end);
    }

    @Test
    void attachDebuggerJoinsARunStartedWithoutDebuggingWhereItIsAndTheRunCompletes() throws Exception {
        Path script = write(lsp.workspace(), "later.py", "import os\nimport time\nprint('waiting', flush=True)\n"
                + "while not os.path.exists('outputs/go'):\n    time.sleep(0.05)\nanswer = 42\nprint('answer', answer)\n");
        LspSession session = lsp.session();
        Object submitted = session.command("azureml.submitExperiment", Map.of("configuration", "later.py"))
                .get(30, TimeUnit.SECONDS);
        String runId = submitted.toString().replaceAll(".*runId=([^,}]+).*", "$1");
        await().atMost(WAIT).until(() -> session.client.logs.stream().anyMatch(l -> l.lines().contains("waiting")));
        assertThat(session.command("azureml.debuggableRuns", Map.of()).get(30, TimeUnit.SECONDS).toString())
                .contains(runId).contains("(on request)");

        DebugAdapterEndpoint endpoint = session.server.debugAdapterEndpoint(new DebugAdapterEndpointParams(runId))
                .get(90, TimeUnit.SECONDS);
        SocketChannel channel = SocketChannel.open(UnixDomainSocketAddress.of(endpoint.path()));
        try (DapTestClient debug = new DapTestClient(ChannelStreams.in(channel), ChannelStreams.out(channel), channel)) {
            debug.startSession(Map.of(script.toString(), new SourceBreakpoint[] {DapTestClient.line(7)}))
                    .get(60, TimeUnit.SECONDS);
            Files.writeString(new dev.amldebug.runner.run.RunStore(lsp.workspace()).outputs(runId).resolve("go"), "");
            StoppedEventArguments stopped = debug.await(StoppedEventArguments.class);
            ContinueArguments resume = new ContinueArguments();
            resume.setThreadId(stopped.getThreadId());
            debug.server.continue_(resume).get(30, TimeUnit.SECONDS);
            assertThat(debug.await(ExitedEventArguments.class).getExitCode()).isZero();
        }
        await().atMost(WAIT).until(() -> session.client.statuses.stream()
                .anyMatch(s -> s.runId().equals(runId) && s.status().equals("Completed")));
    }

    @Test
    void aRunWithPostMortemSaysWhenItFailedAndWaitsThenEndsFailedWithTheScriptsExitCode() throws Exception {
        write(lsp.workspace(), "train.py", FailingScript.DIVIDE);
        LspSession session = lsp.session();
        Object submitted = session.command("azureml.submitExperiment", Map.of("configuration", "train.py",
                "experiment", "lsp", "postMortem", true, "postMortemTimeout", 1)).get(30, TimeUnit.SECONDS);
        String runId = submitted.toString().replaceAll(".*runId=([^,}]+).*", "$1");

        await().atMost(WAIT).untilAsserted(() -> assertThat(session.client.statuses)
                .anyMatch(s -> s.runId().equals(runId) && s.status().equals("Failed") && Integer.valueOf(1).equals(s.exitCode())));
        assertThat(session.client.debugReady).as("nothing to attach to before it fails").singleElement()
                .satisfies(ready -> {
                    assertThat(ready.runId()).isEqualTo(runId);
                    assertThat(ready.postMortem()).isTrue();
                    assertThat(ready.exception()).isEqualTo(FailingScript.EXCEPTION);
                    assertThat(ready.endpoint()).startsWith("127.0.0.1:");
                });
    }

    @Test
    void pruneImagesReportsWhatItRemovedAndTheImagesNodeListsOurImages() throws Exception {
        LspSession session = lsp.session();
        // A century: nothing on this machine is that old, so the test removes no one's images.
        Object result = session.command("azureml.pruneImages", Map.of("olderThanDays", 36500)).get(60, TimeUnit.SECONDS);
        assertThat(result.toString()).contains("removed=[]", "bytesFreed=0");
        assertThat(session.children("local/images")).allSatisfy(node -> {
            assertThat(node.kind()).isEqualTo("image");
            assertThat(node.label()).startsWith("aml-debug/env:");
            assertThat(node.description()).contains("MB · used ");
        });
        await().atMost(WAIT).until(() -> session.client.treeChanges.stream().anyMatch(c -> "local/images".equals(c.nodeId())));
    }

    @Test
    void runsLeftByADeadProcessAreReconciledAfterStartUp() throws Exception {
        dev.amldebug.runner.run.RunStore store = new dev.amldebug.runner.run.RunStore(lsp.workspace());
        dev.amldebug.runner.run.RunRecord orphan = new dev.amldebug.runner.run.RunRecord();
        orphan.id = "orphan_1_00000000";
        orphan.experiment = "orphan";
        orphan.status = dev.amldebug.runner.run.RunStatus.Running;
        orphan.createdAt = java.time.Instant.now();
        Process gone = new ProcessBuilder("true").start();
        gone.waitFor();
        orphan.ownerPid = gone.pid();
        store.create(orphan);
        lsp.session();
        await().atMost(WAIT).until(() -> store.read(orphan.id).status == dev.amldebug.runner.run.RunStatus.Failed);
    }

    @Test
    void cancelRunStopsARunAndTheTreeHearsOfIt() throws Exception {
        // The stimulus: a run that keeps running until cancelled.
        write(lsp.workspace(), "wait.py", "import time\nprint('waiting', flush=True)\ntime.sleep(300)\n");
        LspSession session = lsp.session();
        Object submitted = session.command("azureml.submitExperiment", Map.of("configuration", "wait.py"))
                .get(30, TimeUnit.SECONDS);
        String runId = submitted.toString().replaceAll(".*runId=([^,}]+).*", "$1");
        await().atMost(WAIT).until(() -> session.client.logs.stream().anyMatch(l -> l.lines().contains("waiting")));
        session.command("azureml.cancelRun", Map.of("runId", runId)).get(60, TimeUnit.SECONDS);
        await().atMost(WAIT).until(() -> session.client.statuses.stream()
                .anyMatch(s -> s.runId().equals(runId) && s.status().equals("Canceled")));
        assertThat(session.client.treeChanges).anyMatch(c -> "local/experiments/wait".equals(c.nodeId())
                || c.nodeId().startsWith("local/experiments/"));
    }

    @Test
    void debugADeploymentScoreItAndSeeItInTheTreeUntilItGoesDown() throws Exception {
        write(lsp.workspace(), "app/score.py", "def init():\n    pass\n\n\ndef run(raw_data):\n    return {'got': raw_data}\n");
        write(lsp.workspace(), "model/weights.txt", "w\n");
        LspSession session = lsp.session();
        Object deployed = session.command("azureml.debugDeployment", Map.of("score", "app/score.py",
                "model", "model", "image", DockerResources.BASE_IMAGE, "port", FreePorts.any())).get(60, TimeUnit.SECONDS);
        String runId = deployed.toString().replaceAll(".*runId=([^,}]+).*", "$1");
        await().atMost(WAIT).until(() -> session.client.debugReady.stream().anyMatch(d -> d.runId().equals(runId)));
        await().atMost(WAIT).until(() -> session.children("local/deployments").stream()
                .anyMatch(node -> runId.equals(node.runId()) && node.contextValue().equals("azureml.deployment.healthy")));

        assertThat(session.client.statuses).anyMatch(st -> st.runId().equals(runId) && "Healthy".equals(st.health()));
        Object scored = session.command("azureml.scoreDeployment", Map.of("runId", runId, "body", "\"ping\""))
                .get(60, TimeUnit.SECONDS);
        assertThat(scored.toString()).contains("status=200").contains("ping");
        assertThat(session.children("local/experiments")).noneMatch(node -> node.label().equals("app"));

        session.command("azureml.cancelRun", Map.of("runId", runId)).get(60, TimeUnit.SECONDS);
        await().atMost(WAIT).until(() -> session.client.statuses.stream()
                .anyMatch(st -> st.runId().equals(runId) && st.status().equals("Canceled")));
        assertThat(session.client.treeChanges).anyMatch(c -> "local/deployments".equals(c.nodeId()));
    }
}
