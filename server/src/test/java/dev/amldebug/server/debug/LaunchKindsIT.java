package dev.amldebug.server.debug;

import static dev.amldebug.runner.testing.DockerResources.BASE_IMAGE;
import static dev.amldebug.runner.testing.Projects.write;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.amldebug.bridge.protocol.DapMessage;
import dev.amldebug.bridge.target.BridgeTarget;
import dev.amldebug.bridge.testing.DapTestClient;
import dev.amldebug.runner.image.ImageUsage;
import dev.amldebug.runner.run.DeploymentHealth;
import dev.amldebug.runner.run.RunKind;
import dev.amldebug.runner.run.RunListener;
import dev.amldebug.runner.run.RunRecord;
import dev.amldebug.runner.run.RunStatus;
import dev.amldebug.runner.run.RunStore;
import dev.amldebug.runner.testing.DockerResources;
import dev.amldebug.server.run.RunServices;
import dev.amldebug.server.run.deployment.ScoringRequest;
import dev.amldebug.server.testing.PipelineProjects;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.eclipse.lsp4j.debug.EvaluateArguments;
import org.eclipse.lsp4j.debug.SourceBreakpoint;
import org.eclipse.lsp4j.debug.StoppedEventArguments;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** The azureml launch of a pipeline YAML ("step") and of a deployment YAML ("deployment"): real containers, real debugpy. */
@ExtendWith(DockerResources.class)
class LaunchKindsIT {
    private static final Duration WAIT = Duration.ofSeconds(120);
    private final ExecutorService executor = Executors.newCachedThreadPool();
    @TempDir
    Path project;
    @TempDir
    Path cache;

    @AfterEach
    void stop() {
        executor.shutdownNow();
    }

    private RunServices services() {
        return new RunServices(BASE_IMAGE, DockerResources::docker, new ImageUsage(cache), executor);
    }

    private BridgeTarget launch(RunServices services, String arguments) throws Exception {
        String request = "{\"seq\":1,\"type\":\"request\",\"command\":\"launch\",\"arguments\":" + arguments + "}";
        return new DapTargets(services, project, RunListener.NONE).resolve(DapMessage.parse(request.getBytes(StandardCharsets.UTF_8)));
    }

    private RunRecord only(RunStore store, RunKind kind) {
        return store.list().stream().filter(run -> run.kind == kind).findFirst().orElseThrow();
    }

    @Test
    void aPipelineLaunchAttachesToItsStepOnceTheStepsBeforeItRanAndTheBreakpointThereSeesTheirData() throws Exception {
        PipelineProjects.pipeline(project, BASE_IMAGE, 0, false, 0);
        RunServices services = services();
        BridgeTarget target = launch(services, "{\"job\":\"pipeline.yml\",\"step\":\"train\"}");

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
        RunStore store = services.forWorkspace(project).store();
        String pipeline = only(store, RunKind.pipeline).id;
        await().atMost(WAIT).until(() -> !store.read(pipeline).isActive());
        assertThat(store.read(pipeline).status).isEqualTo(RunStatus.Completed);
    }

    @Test
    void aDeploymentLaunchHoldsInitAtItsBreakpointThenServes() throws Exception {
        Path score = write(project, "app/score.py", "ready = False\n\n\ndef init():\n    global ready\n    ready = True\n\n\n"
                + "def run(raw_data):\n    return ready\n");
        write(project, "model/weights.txt", "w=1\n");
        write(project, "app/deployment.yml", "model: {path: ../model}\ncode_configuration: {code: ., scoring_script: score.py}\n"
                + "environment: {image: " + BASE_IMAGE + "}\n");
        RunServices services = services();
        BridgeTarget target = launch(services, "{\"deployment\":\"app/deployment.yml\"}");
        RunStore store = services.forWorkspace(project).store();
        String deployment = only(store, RunKind.deployment).id;
        try (DapTestClient debugger = DapTestClient.bridgedTo(target)) {
            debugger.startSession(Map.of(score.toString(), new SourceBreakpoint[] {DapTestClient.line(6)}))
                    .get(60, java.util.concurrent.TimeUnit.SECONDS);
            StoppedEventArguments stopped = debugger.await(StoppedEventArguments.class);
            assertThat(store.read(deployment).deployment().health()).as("init() held").isEqualTo(DeploymentHealth.Starting);
            debugger.resume(stopped.getThreadId());
            await().atMost(WAIT).until(() -> store.read(deployment).deployment().health() == DeploymentHealth.Healthy);
            assertThat(ScoringRequest.send(store.read(deployment), null, "{}", List.of()).body()).isEqualTo("true");
        }
        services.forWorkspace(project).cancel(deployment);
    }
}
