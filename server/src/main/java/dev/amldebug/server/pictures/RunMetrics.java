package dev.amldebug.server.pictures;

import dev.amldebug.runner.run.RunRecord;
import dev.amldebug.runner.run.RunStore;
import java.util.ArrayList;
import java.util.List;

/** What a run's metrics chart shows: the run's state and its metrics, from its MLflow store and its metrics.json. */
public final class RunMetrics {
    /** {@code active}: the run may still log, so a chart asks again. */
    public record View(String runId, String status, boolean active, List<MetricSeries> series) {
    }

    private final RunStore store;

    public RunMetrics(RunStore store) {
        this.store = store;
    }

    public View read(String runId) {
        RunRecord run = store.read(runId);
        List<MetricSeries> series = new ArrayList<>(MlflowMetrics.read(store.mlruns(runId)));
        series.addAll(MetricsJson.read(store.outputsOf(run).resolve("metrics.json")));
        return new View(run.id, run.status.name(), run.isActive(), series);
    }
}
