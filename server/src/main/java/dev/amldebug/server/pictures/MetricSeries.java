package dev.amldebug.server.pictures;

import java.util.List;

/**
 * One metric of a run as a line: its name, where it came from ({@code mlflow} or {@code metrics.json}) and its points
 * in step order.
 */
public record MetricSeries(String name, String source, List<Point> points) {
    public MetricSeries {
        points = List.copyOf(points);
    }

    /** A value at a step (MLflow's step, or metrics.json's epoch). */
    public record Point(long step, double value) {
    }
}
