package dev.amldebug.server.lsp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.amldebug.azurefake.FakeAzureMlExtension;
import dev.amldebug.cli.AzurePipelineDebugIT;
import dev.amldebug.server.lsp.Protocol.DebugReadyParams;
import dev.amldebug.server.testing.FakeAzure;
import dev.amldebug.server.testing.FakeJobs;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.eclipse.lsp4j.MessageType;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * "Submit experiment" of a pipeline to a compute with steps to debug, over LSP, for real: the fake runs each step in a
 * container; the server finds the debugged step's run, reads the shim's endpoint line, keeps a debug target for it and
 * sends debugReady with azureJob and step; a DAP client on the editor's endpoint stops at a breakpoint in the step's
 * local script, continues, and the pipeline completes. A debugged step without debugpy gives a warning that says so.
 */
class AzureStepDebugIT {
    @RegisterExtension
    static final FakeAzureMlExtension AZURE = FakeAzure.withCompute();

    private static final Duration WAIT = Duration.ofSeconds(240);

    @RegisterExtension
    final LanguageServerExtension lsp = LanguageServerExtension.signedInTo(AZURE);

    @BeforeEach
    void start() throws Exception {
        AzurePipelineDebugIT.writePipeline(lsp.workspace());
    }

    private Map<String, Object> command(String id, Map<String, Object> arguments, Duration wait) throws Exception {
        return lsp.session().commandResult(id, arguments, wait);
    }

    private Map<String, Object> submit(List<String> debugSteps) throws Exception {
        return command("azureml.azure.submit", Map.of("config", "pipeline.yml", "compute", "cpu-cluster",
                "workspaceId", AZURE.fake().workspace().armId(), "debugSteps", debugSteps, "waitTimeout", 120), Duration.ofSeconds(120));
    }

    @Test
    void pipelineStepsListsTheSteps() throws Exception {
        assertThat(command("azureml.azure.pipelineSteps", Map.of("config", "pipeline.yml"), Duration.ofSeconds(30)))
                .containsEntry("pipeline", true).containsEntry("steps", List.of("prep", "train"));
    }

    @Test
    void submitWithDebugStepsGivesDebugReadyForTheStepAndTheEditorsDebuggerStopsAtABreakpoint() throws Exception {
        Map<String, Object> job = submit(List.of("train"));
        String pipeline = (String) job.get("jobName");
        assertThat(job).containsKeys("nodeId", "studioUrl", "status");

        await().atMost(WAIT).until(() -> lsp.session().client.debugReady.stream().anyMatch(ready -> "train".equals(ready.step())));
        DebugReadyParams ready = lsp.session().client.debugReady.stream().filter(r -> "train".equals(r.step())).findFirst().orElseThrow();
        assertThat(ready.azureJob()).isEqualTo(pipeline + "_train");
        assertThat(ready.pipelineId()).isEqualTo(pipeline);
        assertThat(ready.runId()).isEqualTo("azure:" + pipeline + "_train");
        Path script = lsp.workspace().resolve("src/train/train.py");
        AzureJobDebugIT.stopAtBreakpointAndContinue(lsp.session(), ready.runId(), script, 8);

        FakeJobs.awaitStatus(AZURE.fake(), pipeline, "Completed", WAIT);
        assertThat(logOf(pipeline + "_train")).contains("Debugger attached = True", "trained on 3 rows");
        assertThat(lsp.workspace().resolve("src/train")).isDirectoryNotContaining(path -> path.getFileName().toString().equals(".aml_debug"));
    }

    @Test
    void aDebugStepWithoutDebugpyGivesAWarningThatSaysSo() throws Exception {
        String pipeline = (String) submit(List.of("prep")).get("jobName");

        await().atMost(WAIT).until(() -> lsp.session().client.shown.stream().anyMatch(message -> message.getType() == MessageType.Warning
                && message.getMessage().contains("without starting debugpy")));
        assertThat(lsp.session().client.debugReady).noneMatch(ready -> "prep".equals(ready.step()));
        FakeJobs.awaitStatus(AZURE.fake(), pipeline, "Completed", WAIT);
    }

    @Test
    void aStepOnTwoNodesGivesDebugReadyForEachNodeAndTheEditorStopsInEach() throws Exception {
        java.nio.file.Files.createDirectories(lsp.workspace().resolve("src/spread"));
        java.nio.file.Files.writeString(lsp.workspace().resolve("src/spread/spread.py"), dev.amldebug.cli.AzureCommandDebugIT.SCRIPT);
        java.nio.file.Files.writeString(lsp.workspace().resolve("spread.yml"), """
                type: pipeline
                experiment_name: remote-debug
                settings:
                  default_compute: azureml:cpu-cluster
                jobs:
                  spread:
                    type: command
                    code: src/spread
                    command: python spread.py
                    resources:
                      instance_count: 2
                    distribution:
                      type: pytorch
                      process_count_per_instance: 1
                    environment:
                      image: aml-debug/python:bookworm
                """);
        String pipeline = (String) command("azureml.azure.submit", Map.of("config", "spread.yml", "compute", "cpu-cluster",
                "workspaceId", AZURE.fake().workspace().armId(), "debugSteps", List.of("spread"), "waitTimeout", 120),
                Duration.ofSeconds(120)).get("jobName");

        await().atMost(WAIT).until(() -> lsp.session().client.debugReady.stream().filter(ready -> "spread".equals(ready.step())).count() == 2);
        List<DebugReadyParams> ready = lsp.session().client.debugReady.stream().filter(r -> "spread".equals(r.step()))
                .sorted(java.util.Comparator.comparing(DebugReadyParams::process)).toList();
        assertThat(ready).extracting(DebugReadyParams::process).containsExactly("rank 0 (node 0)", "rank 1 (node 1)");
        assertThat(ready).extracting(DebugReadyParams::runId)
                .containsExactly("azure:" + pipeline + "_spread/rank/0", "azure:" + pipeline + "_spread/rank/1");
        assertThat(ready.get(0).endpoint()).isNotEqualTo(ready.get(1).endpoint());
        Path script = lsp.workspace().resolve("src/spread/spread.py");
        for (DebugReadyParams each : ready) {
            AzureJobDebugIT.stopAtBreakpointAndContinue(lsp.session(), each.runId(), script, 4);
        }

        FakeJobs.awaitStatus(AZURE.fake(), pipeline, "Completed", WAIT);
        String job = pipeline + "_spread";
        assertThat(logOf(job, "user_logs/std_log_process_1.txt")).contains("Debugger attached = True", "rank 1 of 2 on node 1 share 10");
        assertThat(logOf(job, "user_logs/std_log_process_0.txt")).contains("rank 0 of 2 on node 0 share 0");
    }

    @Test
    void aCommandJobSubmittedWithDebugGivesDebugReadyAndTheEditorStopsInIt() throws Exception {
        java.nio.file.Files.createDirectories(lsp.workspace().resolve("src"));
        java.nio.file.Files.writeString(lsp.workspace().resolve("src/spread.py"), dev.amldebug.cli.AzureCommandDebugIT.SCRIPT);
        java.nio.file.Files.writeString(lsp.workspace().resolve("job.yml"), dev.amldebug.cli.AzureCommandDebugIT.JOB
                .replace("instance_count: 2", "instance_count: 1"));
        String job = (String) command("azureml.azure.submit", Map.of("config", "job.yml", "compute", "cpu-cluster",
                "workspaceId", AZURE.fake().workspace().armId(), "debug", true, "waitTimeout", 120), Duration.ofSeconds(120)).get("jobName");

        await().atMost(WAIT).until(() -> lsp.session().client.debugReady.stream().anyMatch(ready -> job.equals(ready.azureJob())));
        DebugReadyParams ready = lsp.session().client.debugReady.stream().filter(r -> job.equals(r.azureJob())).findFirst().orElseThrow();
        assertThat(ready.step()).isNull();
        assertThat(ready.runId()).isEqualTo("azure:" + job + "/rank/0");
        AzureJobDebugIT.stopAtBreakpointAndContinue(lsp.session(), ready.runId(), lsp.workspace().resolve("src/spread.py"), 4);

        FakeJobs.awaitStatus(AZURE.fake(), job, "Completed", WAIT);
        assertThat(logOf(job, "user_logs/std_log.txt")).contains("Debugger attached = True", "rank 0 of 1 on node 0");
    }

    @Test
    void aStepSubmittedWithPostMortemThatRaisesGivesDebugReadyAndTheEditorStopsWhereItRaised() throws Exception {
        java.nio.file.Files.writeString(lsp.workspace().resolve("src/train/train.py"), dev.amldebug.runner.testing.FailingScript.DIVIDE);
        String pipeline = (String) command("azureml.azure.submit", Map.of("config", "pipeline.yml", "compute", "cpu-cluster",
                "workspaceId", AZURE.fake().workspace().armId(), "postMortem", true, "postMortemTimeout", 120),
                Duration.ofSeconds(120)).get("jobName");

        await().atMost(WAIT).until(() -> lsp.session().client.debugReady.stream().anyMatch(ready -> Boolean.TRUE.equals(ready.postMortem())));
        DebugReadyParams ready = lsp.session().client.debugReady.stream().filter(r -> Boolean.TRUE.equals(r.postMortem())).findFirst().orElseThrow();
        assertThat(ready.step()).isEqualTo("train");
        assertThat(ready.azureJob()).isEqualTo(pipeline + "_train");
        assertThat(ready.exception()).isEqualTo(dev.amldebug.runner.testing.FailingScript.EXCEPTION);
        AzureJobDebugIT.stopAtBreakpointAndContinue(lsp.session(), ready.runId(), lsp.workspace().resolve("src/train/train.py"), 2);

        FakeJobs.awaitStatus(AZURE.fake(), pipeline, "Failed", WAIT);
        assertThat(lsp.session().client.debugReady).noneMatch(r -> "prep".equals(r.step()));
    }

    private String logOf(String job, String file) {
        return new String(AZURE.fake().blobs().read("azureml", "ExperimentRun/dcid." + job + "/" + file), StandardCharsets.UTF_8);
    }

    private String logOf(String job) {
        return new String(AZURE.fake().blobs().read("azureml", "ExperimentRun/dcid." + job + "/user_logs/std_log.txt"), StandardCharsets.UTF_8);
    }
}
