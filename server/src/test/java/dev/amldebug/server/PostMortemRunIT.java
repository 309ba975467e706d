package dev.amldebug.server;

import static dev.amldebug.runner.testing.DockerResources.BASE_IMAGE;
import static dev.amldebug.runner.testing.Projects.read;
import static dev.amldebug.runner.testing.Projects.write;
import static org.assertj.core.api.Assertions.assertThat;

import dev.amldebug.bridge.testing.DapTestClient;
import dev.amldebug.runner.debug.DebugOptions;
import dev.amldebug.runner.run.RunEvent;
import dev.amldebug.runner.run.RunListener;
import dev.amldebug.runner.run.RunRecord;
import dev.amldebug.runner.run.RunStatus;
import dev.amldebug.runner.testing.DockerResources;
import dev.amldebug.runner.testing.FailingScript;
import dev.amldebug.runner.testing.FreePorts;
import dev.amldebug.server.run.deployment.DeploymentRequest;
import dev.amldebug.server.run.pipeline.PipelineListener;
import dev.amldebug.server.run.pipeline.PipelineRequest;
import dev.amldebug.server.run.RunRequest;
import dev.amldebug.runner.run.SubmittedRun;
import dev.amldebug.server.testing.RunServiceExtension;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.eclipse.lsp4j.debug.ExitedEventArguments;
import org.eclipse.lsp4j.debug.StackFrame;
import org.eclipse.lsp4j.debug.StoppedEventArguments;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** Post-mortem through the run service and the bridge: a run, a pipeline step and a deployment that fail. */
@ExtendWith(DockerResources.class)
class PostMortemRunIT {
    @RegisterExtension
    final RunServiceExtension local = new RunServiceExtension();
    @TempDir
    Path project;

    /** Hears the first post-mortem wait, of a run or of a pipeline's step. */
    private static final class Waiting implements PipelineListener {
        final CompletableFuture<RunEvent.PostMortemWaiting> first = new CompletableFuture<>();

        @Override
        public void event(RunEvent event) {
            if (event instanceof RunEvent.PostMortemWaiting waiting) {
                first.complete(waiting);
            }
        }

        @Override
        public void stepEvent(String pipelineId, String step, RunEvent event) {
            event(event);
        }

        RunEvent.PostMortemWaiting await() throws Exception {
            return first.get(180, TimeUnit.SECONDS);
        }
    }

    @Test
    void aFailedRunWaitsAndADebuggerThroughTheBridgeSeesTheRaisingFrameAndEveryCallersLocals() throws Exception {
        Path script = write(project, "train.py", FailingScript.DIVIDE);
        Waiting waiting = new Waiting();
        SubmittedRun run = local.runs().submit(RunRequest.of(script).withDebug(DebugOptions.postMortemOnly(null)), waiting);

        RunEvent.PostMortemWaiting event = waiting.await();
        assertThat(event.exception()).isEqualTo(FailingScript.EXCEPTION);
        assertThat(event.timeoutSeconds()).isEqualTo(DebugOptions.DEFAULT_POST_MORTEM_SECONDS);
        assertThat(local.runs().store().read(run.id()).status).as("it waits, still running").isEqualTo(RunStatus.Running);
        try (DapTestClient client = DapTestClient.bridgedTo(local.runs().debugTarget(run.id(), true))) {
            client.startSession(Map.of());
            StoppedEventArguments stopped = client.await(StoppedEventArguments.class);
            assertThat(stopped.getReason()).isEqualTo("exception");
            StackFrame[] frames = client.stackTrace(stopped.getThreadId());
            assertThat(frames[0].getSource().getPath()).isEqualTo(script.toString());
            assertThat(List.of(frames).stream().map(f -> f.getName() + ":" + f.getLine()))
                    .containsExactly("divide:2", "train:8", "<module>:11");
            assertThat(client.locals(frames[0])).contains("count = 0", "total = 0.75");
            assertThat(client.locals(frames[1])).contains("epochs = 2", "losses = [0.5, 0.25]");
            client.resume(stopped.getThreadId());
            assertThat(client.await(ExitedEventArguments.class).getExitCode()).isEqualTo(1);
        }
        RunRecord ended = run.awaitEnded();
        assertThat(ended.status).isEqualTo(RunStatus.Failed);
        assertThat(ended.exitCode).isEqualTo(1);
        assertThat(read(local.runs().store().driverLog(run.id()))).contains("Traceback (most recent call last):",
                "line 2, in divide", FailingScript.EXCEPTION);
    }

    @Test
    void aPipelineStepWithPostMortemWaitsWhenItFailsAndThePipelineFailsAfter() throws Exception {
        write(project, "train/train.py", FailingScript.DIVIDE);
        Path pipeline = write(project, "pipeline.yml", """
                type: pipeline
                experiment_name: post-mortem-it
                jobs:
                  train:
                    type: command
                    code: train
                    command: python train.py
                    environment: {image: %s}
                """.formatted(BASE_IMAGE));
        Waiting waiting = new Waiting();
        SubmittedRun run = local.runs().submitPipeline(PipelineRequest.of(pipeline).withPostMortem(120), waiting);

        RunEvent.PostMortemWaiting event = waiting.await();
        assertThat(event.runId()).isEqualTo(local.runs().store().read(run.id()).pipeline().stepRunId("train"));
        try (DapTestClient client = DapTestClient.bridgedTo(local.runs().debugTarget(event.runId(), true))) {
            client.startSession(Map.of());
            StoppedEventArguments stopped = client.await(StoppedEventArguments.class);
            assertThat(client.stackTrace(stopped.getThreadId())[0].getName()).isEqualTo("divide");
            client.resume(stopped.getThreadId());
        }
        assertThat(run.awaitEnded().status).isEqualTo(RunStatus.Failed);
        assertThat(local.runs().store().read(event.runId()).exitCode).isEqualTo(1);
    }

    @Test
    void aDeploymentWhoseInitRaisesWaitsForADebuggerInInit() throws Exception {
        Path score = write(project, "app/score.py", "def init():\n    model_path = '/nowhere'\n"
                + "    raise RuntimeError('no model at ' + model_path)\n\n\ndef run(raw_data):\n    return raw_data\n");
        Path model = write(project, "model/weights.txt", "w=1\n");
        Waiting waiting = new Waiting();
        SubmittedRun run = local.runs().deploy(new DeploymentRequest(null, score, null, BASE_IMAGE, model.toString(),
                FreePorts.any(), DebugOptions.postMortemOnly(120), false), waiting);

        RunEvent.PostMortemWaiting event = waiting.await();
        assertThat(event.exception()).isEqualTo("RuntimeError: no model at /nowhere");
        try (DapTestClient client = DapTestClient.bridgedTo(local.runs().debugTarget(run.id(), true))) {
            client.startSession(Map.of());
            StoppedEventArguments stopped = client.await(StoppedEventArguments.class);
            StackFrame top = client.stackTrace(stopped.getThreadId())[0];
            assertThat(top.getName() + ":" + top.getLine()).isEqualTo("init:3");
            assertThat(client.locals(top)).contains("model_path = '/nowhere'");
            client.resume(stopped.getThreadId());
        }
        RunRecord ended = run.awaitEnded();
        assertThat(ended.status).isEqualTo(RunStatus.Failed);
        assertThat(ended.error).contains("init() raised");
    }
}
