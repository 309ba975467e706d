package dev.amldebug.server;

import static dev.amldebug.runner.testing.DockerResources.BASE_IMAGE;
import static org.assertj.core.api.Assertions.assertThat;

import dev.amldebug.bridge.testing.DapTestClient;
import dev.amldebug.runner.debug.DebugOptions;
import dev.amldebug.runner.run.RunEvent;
import dev.amldebug.runner.run.RunRecord;
import dev.amldebug.runner.run.RunStatus;
import dev.amldebug.runner.run.RunStore;
import dev.amldebug.runner.testing.DockerResources;
import dev.amldebug.server.run.pipeline.PipelineListener;
import dev.amldebug.server.run.pipeline.PipelineRequest;
import dev.amldebug.runner.run.SubmittedRun;
import dev.amldebug.server.testing.PipelineProjects;
import dev.amldebug.server.testing.RunServiceExtension;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.eclipse.lsp4j.debug.ContinueArguments;
import org.eclipse.lsp4j.debug.EvaluateArguments;
import org.eclipse.lsp4j.debug.SourceBreakpoint;
import org.eclipse.lsp4j.debug.StackTraceArguments;
import org.eclipse.lsp4j.debug.StoppedEventArguments;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** Debugging one step of a real pipeline: real containers, real debugpy, the bridge. */
@ExtendWith(DockerResources.class)
class PipelineIT {
    @RegisterExtension
    final RunServiceExtension local = new RunServiceExtension();
    @TempDir
    Path project;

    @Test
    void theChosenStepStopsAtABreakpointWithTheUpstreamDataWhileTheOthersRunPlainly() throws Exception {
        Path pipeline = PipelineProjects.pipeline(project, BASE_IMAGE, 0, false, 0);
        CompletableFuture<RunEvent.StepStarted> debugStep = new CompletableFuture<>();
        List<String> ended = new CopyOnWriteArrayList<>();
        PipelineListener listener = new PipelineListener() {
            @Override
            public void event(RunEvent event) {
                if (event instanceof RunEvent.StepStarted started && started.debugEndpoint() != null) {
                    debugStep.complete(started);
                } else if (event instanceof RunEvent.StepEnded end) {
                    ended.add(end.step() + " " + end.status());
                }
            }
        };
        SubmittedRun run = local.runs().submitPipeline(PipelineRequest.of(pipeline)
                .withDebugSteps(List.of("train"), DebugOptions.defaults()), listener);

        RunStore store = local.runs().store();
        RunEvent.StepStarted started;
        try {
            started = debugStep.get(180, TimeUnit.SECONDS);
        } catch (java.util.concurrent.TimeoutException e) {
            // Say where it stuck: the control logs of the pipeline and its steps.
            StringBuilder logs = new StringBuilder("steps ended: " + ended);
            logs.append("\n").append(java.nio.file.Files.readString(store.controlLog(run.id())));
            for (String step : store.read(run.id()).pipeline().steps().values()) {
                if (java.nio.file.Files.exists(store.controlLog(step))) {
                    logs.append("\n").append(java.nio.file.Files.readString(store.controlLog(step)));
                }
            }
            throw new AssertionError("The debug step did not start within 180 s.\n" + logs, e);
        }
        assertThat(started.step()).isEqualTo("train");
        assertThat(started.pipelineId()).isEqualTo(run.id());
        assertThat(started.runId()).isEqualTo(store.read(run.id()).pipeline().stepRunId("train"));
        assertThat(ended).as("prep ran before train, without a debugger").contains("prep Completed");
        assertThat(store.read(store.read(run.id()).pipeline().stepRunId("prep")).debugEndpoint).isNull();

        Path trainScript = project.resolve("train/train.py");
        try (DapTestClient client = DapTestClient.bridgedTo(local.runs().debugTarget(started.runId(), true))) {
            client.startSession(Map.of(trainScript.toString(),
                    new SourceBreakpoint[] {DapTestClient.line(PipelineProjects.TRAIN_LINE_AFTER_SUM)}));
            StoppedEventArguments stopped = client.await(StoppedEventArguments.class);
            StackTraceArguments stack = new StackTraceArguments();
            stack.setThreadId(stopped.getThreadId());
            var frame = client.server.stackTrace(stack).get().getStackFrames()[0];
            assertThat(frame.getSource().getPath()).isEqualTo(trainScript.toString());
            assertThat(frame.getLine()).isEqualTo(PipelineProjects.TRAIN_LINE_AFTER_SUM);
            EvaluateArguments evaluate = new EvaluateArguments();
            evaluate.setExpression("total");
            evaluate.setFrameId(frame.getId());
            assertThat(client.server.evaluate(evaluate).get().getResult()).as("prep's table, summed").isEqualTo("10");
            ContinueArguments resume = new ContinueArguments();
            resume.setThreadId(stopped.getThreadId());
            client.server.continue_(resume).get();
        }

        RunRecord end = run.awaitEnded();
        assertThat(end.status).as(String.join(", ", ended)).isEqualTo(RunStatus.Completed);
        assertThat(ended).contains("train Completed", "other Completed", "report Completed");
        assertThat(store.read(started.runId()).debugEndpoint).isNotNull();
    }

    @Test
    void cancelingThePipelineStopsTheRunningStepsAndStartsNoMore() throws Exception {
        Path pipeline = PipelineProjects.pipeline(project, BASE_IMAGE, 0, false, 300);
        SubmittedRun run = local.runs().submitPipeline(PipelineRequest.of(pipeline).withMaxParallel(1), PipelineListener.NONE);
        RunStore store = local.runs().store();
        String other = store.read(run.id()).pipeline().stepRunId("other");
        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(180))
                .until(() -> store.read(other).status == RunStatus.Running);

        local.runs().cancel(run.id());

        RunRecord end = run.awaitEnded();
        assertThat(end.status).isEqualTo(RunStatus.Canceled);
        assertThat(store.read(other).status).isEqualTo(RunStatus.Canceled);
        assertThat(store.read(store.read(run.id()).pipeline().stepRunId("report")).error)
                .isEqualTo("Not run: the pipeline was canceled");
    }
}
