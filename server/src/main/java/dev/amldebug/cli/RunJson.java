package dev.amldebug.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.amldebug.runner.run.RunRecord;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.function.Function;

/**
 * A local run as {@code runs list -o json} and {@code runs show -o json} print it: the same fields, in the same order,
 * for every run (null when a run has none), so that scripts and tsv columns can rely on them (docs/protocol.md).
 */
final class RunJson {
    private RunJson() {
    }

    /** {@code run}, its pipeline steps' runs found through {@code runs} (a step without a record is left out). */
    static ObjectNode of(RunRecord run, Function<String, RunRecord> runs) {
        ObjectNode json = JsonNodeFactory.instance.objectNode();
        json.put("id", run.id);
        json.put("kind", run.kind.name());
        json.put("experiment", run.experiment);
        json.put("displayName", run.displayName);
        json.put("status", run.status == null ? null : run.status.name());
        json.put("createdAt", time(run.createdAt));
        json.put("startedAt", time(run.startedAt));
        json.put("endedAt", time(run.endedAt));
        json.put("durationSeconds", seconds(run.startedAt, run.endedAt));
        json.put("exitCode", run.exitCode);
        json.put("error", run.error);
        json.put("source", run.source);
        json.put("image", run.image);
        json.put("debugEndpoint", run.debugEndpoint);
        ArrayNode steps = json.putArray("steps");
        run.pipeline().steps().forEach((name, id) -> {
            RunRecord step = runs.apply(id);
            if (step != null) {
                ObjectNode entry = steps.addObject().put("name", name).put("reusedFrom", step.step().reusedFrom());
                entry.setAll(of(step, runs));
            }
        });
        return json;
    }

    /** ISO-8601 in UTC, to the second; null stays null. */
    static String time(Instant instant) {
        return instant == null ? null : instant.truncatedTo(ChronoUnit.SECONDS).toString();
    }

    /** Whole seconds from start to end (or to now, while it runs); null before it started. */
    static Long seconds(Instant start, Instant end) {
        return start == null ? null : Duration.between(start, end == null ? Instant.now() : end).toSeconds();
    }
}
