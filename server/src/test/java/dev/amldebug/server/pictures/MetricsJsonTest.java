package dev.amldebug.server.pictures;

import static org.assertj.core.api.Assertions.assertThat;

import dev.amldebug.server.pictures.MetricSeries.Point;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** outputs/metrics.json as the digits example writes it, and the other shapes scripts write. */
class MetricsJsonTest {
    @TempDir
    Path dir;

    private List<MetricSeries> read(String json) throws IOException {
        Path file = dir.resolve("metrics.json");
        Files.writeString(file, json);
        return MetricsJson.read(file);
    }

    @Test
    void theExamplesHistoryIsALinePerMetricByEpoch() throws IOException {
        List<MetricSeries> series = read("""
                {"test_accuracy": 0.93, "history": [
                  {"epoch": 1, "train_accuracy": 0.9, "test_accuracy": 0.88},
                  {"epoch": 2, "train_accuracy": 0.95, "test_accuracy": 0.93}]}""");

        assertThat(series).containsExactly(
                new MetricSeries("train_accuracy", "metrics.json", List.of(new Point(1, 0.9), new Point(2, 0.95))),
                new MetricSeries("test_accuracy", "metrics.json", List.of(new Point(1, 0.88), new Point(2, 0.93))));
    }

    @Test
    void listsAndSingleNumbersAreSeriesToo() throws IOException {
        assertThat(read("{\"loss\": [0.9, 0.5, \"x\"], \"f1\": 0.7, \"name\": \"digits\"}")).containsExactly(
                new MetricSeries("loss", "metrics.json", List.of(new Point(1, 0.9), new Point(2, 0.5))),
                new MetricSeries("f1", "metrics.json", List.of(new Point(0, 0.7))));
    }

    @Test
    void aFileBeingRewrittenOrMissingReadsAsNoMetrics() throws IOException {
        assertThat(read("{\"history\": [{\"epoch\": 1, \"loss\"")).isEmpty();
        assertThat(MetricsJson.read(dir.resolve("none.json"))).isEmpty();
    }
}
