package dev.amldebug.server.pictures;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A run's {@code outputs/metrics.json}: a {@code history} list of objects (each number a metric, at the step its
 * {@code epoch} or {@code step} names, else its place), lists of numbers ({@code "loss": [0.9, 0.5]}), and single
 * numbers that no history has (one point). A file that does not parse, as one being rewritten, reads as no metrics.
 */
public final class MetricsJson {
    public static final String SOURCE = "metrics.json";
    private static final ObjectMapper JSON = new ObjectMapper();

    private MetricsJson() {
    }

    public static List<MetricSeries> read(Path file) {
        JsonNode root;
        try {
            root = Files.isRegularFile(file) ? JSON.readTree(file.toFile()) : null;
        } catch (IOException partial) {
            return List.of();
        }
        if (root == null || !root.isObject()) {
            return List.of();
        }
        Map<String, List<MetricSeries.Point>> lines = new LinkedHashMap<>();
        history(root.path("history"), lines);
        long lastStep = lines.values().stream().flatMap(List::stream).mapToLong(MetricSeries.Point::step).max().orElse(0);
        root.properties().forEach(field -> {
            JsonNode value = field.getValue();
            if (value.isNumber() && !lines.containsKey(field.getKey())) {
                lines.put(field.getKey(), List.of(new MetricSeries.Point(lastStep, value.asDouble())));
            } else if (value.isArray() && !field.getKey().equals("history")) {
                List<MetricSeries.Point> points = new ArrayList<>();
                for (int i = 0; i < value.size(); i++) {
                    if (value.get(i).isNumber()) {
                        points.add(new MetricSeries.Point(i + 1, value.get(i).asDouble()));
                    }
                }
                if (!points.isEmpty()) {
                    lines.put(field.getKey(), points);
                }
            }
        });
        return lines.entrySet().stream().map(line -> new MetricSeries(line.getKey(), SOURCE, line.getValue())).toList();
    }

    private static void history(JsonNode history, Map<String, List<MetricSeries.Point>> lines) {
        for (int i = 0; i < history.size(); i++) {
            JsonNode entry = history.get(i);
            String stepKey = entry.has("epoch") ? "epoch" : entry.has("step") ? "step" : null;
            long step = stepKey == null ? i + 1 : entry.get(stepKey).asLong();
            entry.properties().forEach(field -> {
                if (field.getValue().isNumber() && !field.getKey().equals(stepKey)) {
                    lines.computeIfAbsent(field.getKey(), key -> new ArrayList<>())
                            .add(new MetricSeries.Point(step, field.getValue().asDouble()));
                }
            });
        }
    }
}
