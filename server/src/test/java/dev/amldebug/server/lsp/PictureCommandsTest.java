package dev.amldebug.server.lsp;

import static org.assertj.core.api.Assertions.assertThat;

import dev.amldebug.runner.run.RunRecord;
import dev.amldebug.runner.run.RunStatus;
import dev.amldebug.runner.run.RunStore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import org.eclipse.lsp4j.jsonrpc.ResponseErrorException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** azureml.runMetrics, azureml.pipelineGraph and azureml.rankTimeline over real JSON-RPC, with no Docker. */
class PictureCommandsTest {
    @RegisterExtension
    final LanguageServerExtension lsp = LanguageServerExtension.local();

    private LspSession session;
    private RunStore store;

    @BeforeEach
    void start() {
        System.setProperty("DOCKER_HOST", "unix://" + lsp.workspace().resolve("no-docker.sock"));
        session = lsp.session();
        store = new RunStore(lsp.workspace());
    }

    @AfterEach
    void stop() {
        System.clearProperty("DOCKER_HOST");
    }

    private void storeRun(String id) {
        RunRecord record = new RunRecord();
        record.id = id;
        record.experiment = "digits";
        record.status = RunStatus.Completed;
        record.createdAt = Instant.now();
        record.startedAt = Instant.now();
        record.endedAt = Instant.now();
        store.create(record);
    }

    @Test
    @SuppressWarnings("unchecked")
    void runMetricsGivesTheMlflowAndMetricsJsonSeriesAndGrowsAsTheFilesDo() throws Exception {
        storeRun("digits_1");
        Path loss = store.mlruns("digits_1").resolve("0/abc/metrics/loss");
        Files.createDirectories(loss.getParent());
        Files.writeString(loss, "1700000000000 0.9 0\n");
        Files.writeString(store.outputs("digits_1").resolve("metrics.json"),
                "{\"history\": [{\"epoch\": 1, \"train_accuracy\": 0.9}]}");

        Map<String, Object> first = session.commandResult("azureml.runMetrics", Map.of("runId", "digits_1"), Duration.ofSeconds(30));
        Files.writeString(loss, "1700000000000 0.9 0\n1700000000100 0.5 1\n");
        Map<String, Object> second = session.commandResult("azureml.runMetrics", Map.of("runId", "digits_1"), Duration.ofSeconds(30));

        assertThat(first).containsEntry("runId", "digits_1").containsEntry("status", "Completed").containsEntry("active", false);
        List<Map<String, Object>> series = (List<Map<String, Object>>) first.get("series");
        assertThat(series).extracting(s -> s.get("name"), s -> s.get("source")).containsExactly(
                org.assertj.core.groups.Tuple.tuple("loss", "mlflow"),
                org.assertj.core.groups.Tuple.tuple("train_accuracy", "metrics.json"));
        assertThat((List<Map<String, Object>>) series.get(1).get("points")).singleElement()
                .satisfies(point -> assertThat(point).containsEntry("step", 1.0).containsEntry("value", 0.9));
        List<Map<String, Object>> grown = (List<Map<String, Object>>) second.get("series");
        assertThat((List<?>) grown.get(0).get("points")).hasSize(2);
    }

    @Test
    void aPictureOfARunOfTheWrongKindIsRefusedWithASentence() {
        storeRun("digits_2");

        for (String command : List.of("azureml.pipelineGraph", "azureml.rankTimeline")) {
            ExecutionException e = org.junit.jupiter.api.Assertions.assertThrows(ExecutionException.class,
                    () -> session.commandResult(command, Map.of("runId", "digits_2"), Duration.ofSeconds(30)));
            assertThat(e.getCause()).isInstanceOf(ResponseErrorException.class)
                    .hasMessageContaining("Run digits_2 is");
        }
    }
}
