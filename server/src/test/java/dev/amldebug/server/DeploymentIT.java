package dev.amldebug.server;

import static dev.amldebug.runner.testing.DockerResources.BASE_IMAGE;
import static dev.amldebug.runner.testing.Projects.read;
import static dev.amldebug.runner.testing.Projects.write;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import dev.amldebug.bridge.target.BridgeTarget;
import dev.amldebug.bridge.target.PathMapping;
import dev.amldebug.bridge.testing.DapTestClient;
import dev.amldebug.errors.AmlDebugException;
import dev.amldebug.runner.debug.DebugOptions;
import dev.amldebug.runner.deploy.HostPorts;
import dev.amldebug.runner.run.DeploymentHealth;
import dev.amldebug.runner.run.RunListener;
import dev.amldebug.runner.run.RunRecord;
import dev.amldebug.runner.run.RunStatus;
import dev.amldebug.runner.testing.DockerResources;
import dev.amldebug.runner.testing.FreePorts;
import dev.amldebug.server.run.deployment.DeploymentRequest;
import dev.amldebug.server.run.deployment.ScoringRequest;
import dev.amldebug.runner.run.SubmittedRun;
import dev.amldebug.server.testing.RunServiceExtension;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeoutException;
import org.eclipse.lsp4j.debug.ContinueArguments;
import org.eclipse.lsp4j.debug.SourceBreakpoint;
import org.eclipse.lsp4j.debug.StoppedEventArguments;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** Deployments in real inference containers: our scoring server, real debugpy, real requests. */
@ExtendWith(DockerResources.class)
class DeploymentIT {
    private static final Duration WAIT = Duration.ofSeconds(90);

    @RegisterExtension
    final RunServiceExtension local = new RunServiceExtension();
    @TempDir
    Path project;

    /** @param port the host port to publish scoring on; null for the product's default (8000, or a free one) */
    private SubmittedRun deploy(Path score, Integer port, DebugOptions debug) {
        Path model = write(project, "model/weights.txt", "w=1\n");
        return local.runs().deploy(new DeploymentRequest(null, score, null, BASE_IMAGE, model.toString(), port, debug, false),
                RunListener.NONE);
    }

    private RunRecord awaitHealthy(SubmittedRun run) throws Exception {
        run.awaitStarted();
        await().atMost(WAIT).until(() -> local.runs().store().read(run.id()).deployment().health() == DeploymentHealth.Healthy);
        return local.runs().store().read(run.id());
    }

    private ScoringRequest.Response score(String runId, String json) throws Exception {
        return ScoringRequest.send(local.runs().store().read(runId), null, json, List.of());
    }

    @Test
    void theExampleScoresTheSampleWithTheTrainedModelAndGoesDownWithItsLogsKept() throws Exception {
        RunRecord trained = local.runs().submit(dev.amldebug.server.run.RunRequest.of(Path.of("../examples/digits/job.yml")
                .toAbsolutePath()), RunListener.NONE).awaitEnded();
        assertThat(trained.status).isEqualTo(RunStatus.Completed);
        for (String file : List.of("score.py", "deployment.yml", "sample-request.json")) {
            write(project, file, read(Path.of("../examples/deployment", file)));
        }
        Files.createDirectories(project.resolve("model"));
        Files.copy(local.runs().store().outputs(trained.id).resolve("model.pkl"), project.resolve("model/model.pkl"));
        SubmittedRun run = local.runs().deploy(new DeploymentRequest(project.resolve("deployment.yml"), null, null, null, null,
                FreePorts.any(), null, false), RunListener.NONE);
        RunRecord healthy = awaitHealthy(run);

        ScoringRequest.Response response = ScoringRequest.send(healthy, project.resolve("sample-request.json"), null,
                List.of());
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        assertThat(response.body()).contains("\"predictions\": [0, 1, 2]");
        assertThat(read(local.runs().store().controlLog(run.id()))).contains("'instance_count' means nothing for a local"
                + " deployment; ignored.", "Healthy: GET / answered");

        local.runs().cancel(run.id());
        RunRecord down = run.awaitEnded();
        assertThat(down.status).isEqualTo(RunStatus.Canceled);
        assertThat(down.deployment().health()).isEqualTo(DeploymentHealth.Stopped);
        assertThat(read(local.runs().store().driverLog(run.id()))).contains("loaded the digits model");
    }

    @Test
    void aRequestPausedAtABreakpointInRunLongerThanItsTimeoutStillSucceeds() throws Exception {
        Path score = write(project, "app/score.py", "def init():\n    pass\n\n\ndef run(raw_data):\n"
                + "    answer = raw_data.upper()\n    return {'echo': answer}\n");
        write(project, "app/deployment.yml", "model: {path: ../model}\ncode_configuration: {code: ., scoring_script: score.py}\n"
                + "environment: {image: " + BASE_IMAGE + "}\nrequest_settings: {request_timeout_ms: 1000}\n");
        write(project, "model/weights.txt", "w=1\n");
        SubmittedRun run = local.runs().deploy(new DeploymentRequest(project.resolve("app/deployment.yml"), null, null, null,
                null, FreePorts.any(), new DebugOptions(0, false, true), false), RunListener.NONE);
        awaitHealthy(run);
        try (DapTestClient debugger = DapTestClient.bridgedTo(local.runs().debugTarget(run.id(), true))) {
            debugger.startSession(Map.of(score.toString(), new SourceBreakpoint[] {DapTestClient.line(6)}))
                    .get(60, java.util.concurrent.TimeUnit.SECONDS);
            CompletableFuture<ScoringRequest.Response> pending = CompletableFuture.supplyAsync(() -> {
                try {
                    return score(run.id(), "\"held\"");
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            });
            StoppedEventArguments stopped = debugger.await(StoppedEventArguments.class);
            assertThatThrownBy(() -> pending.get(2, java.util.concurrent.TimeUnit.SECONDS))
                    .as("held at the breakpoint past the 1000 ms request timeout").isInstanceOf(TimeoutException.class);
            ContinueArguments resume = new ContinueArguments();
            resume.setThreadId(stopped.getThreadId());
            debugger.server.continue_(resume).get(30, java.util.concurrent.TimeUnit.SECONDS);
            ScoringRequest.Response response = pending.get(60, java.util.concurrent.TimeUnit.SECONDS);
            assertThat(response.status()).as(response.body()).isEqualTo(200);
            assertThat(response.body()).contains("HELD").doesNotContain("timeout");
        }
        local.runs().cancel(run.id());
        run.awaitEnded();
    }

    @Test
    void aFailingInitTurnsTheDeploymentFailedWithTheTracebackInItsLog() throws Exception {
        Path score = write(project, "app/score.py", "def init():\n    raise RuntimeError('no model here')\n\n\n"
                + "def run(raw_data):\n    return raw_data\n");
        SubmittedRun run = deploy(score, FreePorts.any(), null);
        RunRecord ended = run.awaitEnded();
        assertThat(ended.status).isEqualTo(RunStatus.Failed);
        assertThat(ended.deployment().health()).isEqualTo(DeploymentHealth.Failed);
        assertThat(ended.error).contains("init() raised");
        assertThat(read(local.runs().store().driverLog(run.id()))).contains("RuntimeError: no model here");
    }

    @Test
    void anExceptionInRunIs500AndARestartServesEditedCodeWithoutABuild() throws Exception {
        Path score = write(project, "app/score.py", "def init():\n    pass\n\n\ndef run(raw_data):\n"
                + "    if raw_data == '\"boom\"':\n        raise ValueError('bad input')\n    return 'v1'\n");
        SubmittedRun run = deploy(score, FreePorts.any(), null);
        awaitHealthy(run);
        ScoringRequest.Response failed = score(run.id(), "\"boom\"");
        assertThat(failed.status()).isEqualTo(500);
        assertThat(failed.body()).contains("ValueError: bad input");
        assertThat(score(run.id(), "\"ok\"").body()).contains("v1");

        Files.writeString(score, Files.readString(score).replace("'v1'", "'v2'"));
        int logBeforeRestart = read(local.runs().store().controlLog(run.id())).length();
        local.runs().restartDeployment(run.id());
        await().atMost(WAIT).until(() -> {
            RunRecord now = local.runs().store().read(run.id());
            return !now.deployment().restartRequested() && now.deployment().health() == DeploymentHealth.Healthy;
        });
        await().atMost(WAIT).ignoreExceptions().until(() -> score(run.id(), "\"ok\"").body().contains("v2"));
        // The first start may have built the image (a fresh machine); the restart must not.
        assertThat(read(local.runs().store().controlLog(run.id())).substring(logBeforeRestart)).contains("Restart requested")
                .doesNotContain("Building image");
        local.runs().cancel(run.id());
        run.awaitEnded();
    }

    @Test
    void aPinnedPortThatIsTakenIsRefusedAndTheDefaultMovesToAFreeOne() throws Exception {
        Path score = write(project, "app/score.py", "def init():\n    pass\n\n\ndef run(raw_data):\n    return 'ok'\n");
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            assertThatThrownBy(() -> deploy(score, taken.getLocalPort(), null)).isInstanceOf(AmlDebugException.class)
                    .hasMessageContaining("Port " + taken.getLocalPort() + " on 127.0.0.1 is in use");
        }
        // The default (8000) taken: by this test, or already by another process on this machine.
        try (ServerSocket eightThousand = FreePorts.hold(HostPorts.DEFAULT_SCORING_PORT)) {
            SubmittedRun run = deploy(score, null, null);
            RunRecord healthy = awaitHealthy(run);
            assertThat(healthy.deployment().scoringUri()).startsWith("http://127.0.0.1:").doesNotContain(":" + HostPorts.DEFAULT_SCORING_PORT + "/");
            assertThat(score(run.id(), "{}").status()).isEqualTo(200);
            local.runs().cancel(run.id());
            run.awaitEnded();
        }
    }

    @Test
    void withWaitABreakpointInInitStopsBeforeTheDeploymentIsHealthy() throws Exception {
        Path score = write(project, "app/score.py", "ready = False\n\n\ndef init():\n    global ready\n    ready = True\n\n\n"
                + "def run(raw_data):\n    return ready\n");
        SubmittedRun run = deploy(score, FreePorts.any(), DebugOptions.defaults());
        run.awaitStarted();
        try (DapTestClient debugger = DapTestClient.bridgedTo(local.runs().debugTarget(run.id(), true))) {
            debugger.startSession(Map.of(score.toString(), new SourceBreakpoint[] {DapTestClient.line(6)}))
                    .get(60, java.util.concurrent.TimeUnit.SECONDS);
            StoppedEventArguments stopped = debugger.await(StoppedEventArguments.class);
            await("Starting while init() is held at the breakpoint").during(Duration.ofMillis(500))
                    .atMost(Duration.ofSeconds(5))
                    .until(() -> local.runs().store().read(run.id()).deployment().health() == DeploymentHealth.Starting);
            ContinueArguments resume = new ContinueArguments();
            resume.setThreadId(stopped.getThreadId());
            debugger.server.continue_(resume).get(30, java.util.concurrent.TimeUnit.SECONDS);
            await().atMost(WAIT).until(() -> local.runs().store().read(run.id()).deployment().health() == DeploymentHealth.Healthy);
            assertThat(score(run.id(), "{}").body()).isEqualTo("true");
        }
        local.runs().cancel(run.id());
        run.awaitEnded();
    }

    @Test
    void theGuidesOwnWayAScorePyThatListensItselfIsAttachedByHostAndPort() throws Exception {
        Path score = write(project, "app/score.py", "import debugpy\ndebugpy.listen(('0.0.0.0', 5678))\n\n\n"
                + "def init():\n    pass\n\n\ndef run(raw_data):\n    seen = raw_data\n    return {'seen': seen}\n");
        SubmittedRun run = deploy(score, FreePorts.any(), null);
        RunRecord healthy = awaitHealthy(run);
        String endpoint = healthy.deployment().scriptDebugEndpoint();
        assertThat(endpoint).startsWith("127.0.0.1:");
        dev.amldebug.bridge.target.BridgeTarget target = dev.amldebug.bridge.target.BridgeTarget.of("127.0.0.1",
                Integer.parseInt(endpoint.substring(endpoint.lastIndexOf(':') + 1)),
                List.of(new dev.amldebug.bridge.target.PathMapping(score.getParent().toString(), "/var/azureml-app")));
        try (DapTestClient debugger = DapTestClient.bridgedTo(target)) {
            debugger.startSession(Map.of(score.toString(), new SourceBreakpoint[] {DapTestClient.line(10)}))
                    .get(60, java.util.concurrent.TimeUnit.SECONDS);
            CompletableFuture<ScoringRequest.Response> pending = CompletableFuture.supplyAsync(() -> {
                try {
                    return score(run.id(), "\"guide\"");
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            });
            StoppedEventArguments stopped = debugger.await(StoppedEventArguments.class);
            ContinueArguments resume = new ContinueArguments();
            resume.setThreadId(stopped.getThreadId());
            debugger.server.continue_(resume).get(30, java.util.concurrent.TimeUnit.SECONDS);
            assertThat(pending.get(60, java.util.concurrent.TimeUnit.SECONDS).body()).contains("guide");
        }
        local.runs().cancel(run.id());
        run.awaitEnded();
    }
}
