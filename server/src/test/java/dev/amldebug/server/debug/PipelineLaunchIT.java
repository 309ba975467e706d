package dev.amldebug.server.debug;

import static dev.amldebug.runner.testing.DockerResources.BASE_IMAGE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.amldebug.bridge.testing.DapTestClient;
import dev.amldebug.runner.run.RunListener;
import dev.amldebug.runner.run.RunStatus;
import dev.amldebug.runner.testing.DockerResources;
import dev.amldebug.server.testing.PipelineProjects;
import dev.amldebug.server.testing.RunServiceExtension;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.eclipse.lsp4j.debug.EvaluateArguments;
import org.eclipse.lsp4j.debug.SourceBreakpoint;
import org.eclipse.lsp4j.debug.StoppedEventArguments;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** The launch of a pipeline YAML with "step": real containers, real debugpy, the bridge. */
@ExtendWith(DockerResources.class)
class PipelineLaunchIT {
    @RegisterExtension
    final RunServiceExtension local = new RunServiceExtension();
    @TempDir
    Path project;

    @Test
    void aPipelineLaunchAttachesToItsStepOnceTheStepsBeforeItRanAndTheBreakpointThereSeesTheirData() throws Exception {
        Path pipeline = PipelineProjects.pipeline(project, BASE_IMAGE, 0, false, 0);
        var target = new PipelineLaunch(local.runs(), RunListener.NONE).launch(pipeline, "train", null, null, true);

        Path trainScript = project.resolve("train/train.py");
        try (DapTestClient client = DapTestClient.bridgedTo(target)) {
            client.startSession(Map.of(trainScript.toString(),
                    new SourceBreakpoint[] {DapTestClient.line(PipelineProjects.TRAIN_LINE_AFTER_SUM)}));
            StoppedEventArguments stopped = client.await(StoppedEventArguments.class);
            var frame = client.stackTrace(stopped.getThreadId())[0];
            assertThat(frame.getSource().getPath()).isEqualTo(trainScript.toString());
            EvaluateArguments evaluate = new EvaluateArguments();
            evaluate.setExpression("total");
            evaluate.setFrameId(frame.getId());
            assertThat(client.server.evaluate(evaluate).get().getResult()).as("prep's table, summed").isEqualTo("10");
            client.resume(stopped.getThreadId());
        }
        String pipelineRun = local.runs().store().list().stream().filter(run -> run.step().isStep()).findFirst()
                .orElseThrow().step().parentId();
        await().atMost(Duration.ofSeconds(120)).until(() -> !local.runs().store().read(pipelineRun).isActive());
        assertThat(local.runs().store().read(pipelineRun).status).isEqualTo(RunStatus.Completed);
    }
}
