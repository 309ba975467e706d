package dev.amldebug.server.pictures;

import static org.assertj.core.api.Assertions.assertThat;

import dev.amldebug.server.pictures.MetricSeries.Point;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** MLflow's file store as mlflow.log_metric writes it: mlruns/EXPERIMENT/RUN/metrics/KEY, lines "timestamp value step". */
class MlflowMetricsTest {
    @TempDir
    Path mlruns;

    private void metric(String experiment, String run, String key, String lines) throws IOException {
        Path file = mlruns.resolve(experiment).resolve(run).resolve("metrics").resolve(key);
        Files.createDirectories(file.getParent());
        Files.writeString(file, lines);
        Files.writeString(mlruns.resolve(experiment).resolve("meta.yaml"), "name: digits\n");
    }

    @Test
    void readsEachKeyAsASeriesInStepOrder() throws IOException {
        metric("0", "a1b2", "loss", "1700000000000 0.9 0\n1700000000200 0.25 2\n1700000000100 0.5 1\n");
        metric("0", "a1b2", "val/accuracy", "1700000000000 0.75 0\n");

        assertThat(MlflowMetrics.read(mlruns)).containsExactly(
                new MetricSeries("loss", "mlflow", java.util.List.of(new Point(0, 0.9), new Point(1, 0.5), new Point(2, 0.25))),
                new MetricSeries("val/accuracy", "mlflow", java.util.List.of(new Point(0, 0.75))));
    }

    @Test
    void aLineStillBeingWrittenIsLeftForTheNextRead() throws IOException {
        metric("0", "run1", "loss", "1700000000000 0.9 0\n1700000000100 0.");

        assertThat(MlflowMetrics.read(mlruns)).singleElement()
                .satisfies(series -> assertThat(series.points()).containsExactly(new Point(0, 0.9)));
    }

    @Test
    void namesTheRunWhenSeveralRunsLoggedMetricsAndSkipsTheTrash() throws IOException {
        metric("0", "run1", "loss", "1 0.5 0\n");
        metric("0", "run2", "loss", "1 0.4 0\n");
        Files.createDirectories(mlruns.resolve("0/run2/tags"));
        Files.writeString(mlruns.resolve("0/run2/tags/mlflow.runName"), "bright-owl");
        metric(".trash", "old", "loss", "1 0.1 0\n");

        assertThat(MlflowMetrics.read(mlruns)).extracting(MetricSeries::name).containsExactly("bright-owl: loss", "run1: loss");
    }

    @Test
    void aStoreNothingWroteToHasNoMetrics() {
        assertThat(MlflowMetrics.read(mlruns.resolve("missing"))).isEmpty();
    }
}
