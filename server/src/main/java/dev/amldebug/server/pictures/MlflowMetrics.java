package dev.amldebug.server.pictures;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * The metrics in an MLflow file store, as {@code mlflow.log_metric} writes them:
 * {@code mlruns/<experiment>/<run>/metrics/<key>}, one line {@code timestamp value step} per logged value (a key with
 * slashes is a folder path). A line still being written when it is read is left for the next read.
 */
public final class MlflowMetrics {
    public static final String SOURCE = "mlflow";

    private MlflowMetrics() {
    }

    /** Every metric of every MLflow run in the store; named {@code run: key} when more than one run logged metrics. */
    public static List<MetricSeries> read(Path mlruns) {
        List<Path> runs = subfolders(mlruns).stream().filter(MlflowMetrics::isExperiment)
                .flatMap(experiment -> subfolders(experiment).stream())
                .filter(run -> Files.isDirectory(run.resolve("metrics"))).toList();
        List<MetricSeries> series = new ArrayList<>();
        for (Path run : runs) {
            String prefix = runs.size() > 1 ? runName(run) + ": " : "";
            Path metrics = run.resolve("metrics");
            for (Path file : files(metrics)) {
                String key = metrics.relativize(file).toString().replace('\\', '/');
                series.add(new MetricSeries(prefix + key, SOURCE, points(file)));
            }
        }
        series.sort(Comparator.comparing(MetricSeries::name));
        return series;
    }

    private static boolean isExperiment(Path folder) {
        String name = folder.getFileName().toString();
        return !name.startsWith(".") && !name.equals("models");
    }

    private static String runName(Path run) {
        Path tag = run.resolve("tags").resolve("mlflow.runName");
        try {
            return Files.isRegularFile(tag) ? Files.readString(tag).strip() : run.getFileName().toString();
        } catch (IOException e) {
            return run.getFileName().toString();
        }
    }

    static List<MetricSeries.Point> points(Path file) {
        List<MetricSeries.Point> points = new ArrayList<>();
        for (String line : lines(file)) {
            String[] parts = line.strip().split("\\s+");
            if (parts.length < 2) {
                continue;
            }
            try {
                double value = Double.parseDouble(parts[1].replace("nan", "NaN").replace("inf", "Infinity"));
                long step = parts.length > 2 ? Long.parseLong(parts[2]) : points.size();
                points.add(new MetricSeries.Point(step, value));
            } catch (NumberFormatException notAMetricLine) {
                // not MLflow's format: nothing to draw
            }
        }
        points.sort(Comparator.comparingLong(MetricSeries.Point::step));
        return points;
    }

    /** The whole lines: MLflow ends each with a newline, so a last line without one is still being written. */
    private static List<String> lines(Path file) {
        try {
            String text = Files.readString(file);
            return List.of(text.substring(0, text.lastIndexOf('\n') + 1).split("\n"));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the MLflow metric " + file, e);
        }
    }

    private static List<Path> subfolders(Path dir) {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> entries = Files.list(dir)) {
            return entries.filter(Files::isDirectory).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + dir, e);
        }
    }

    private static List<Path> files(Path dir) {
        try (Stream<Path> entries = Files.walk(dir)) {
            return entries.filter(Files::isRegularFile).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + dir, e);
        }
    }
}
