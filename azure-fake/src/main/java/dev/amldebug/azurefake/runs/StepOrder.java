package dev.amldebug.azurefake.runs;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A pipeline's steps ({@code jobs}) in the order they run: each after the steps whose outputs its inputs bind to. */
final class StepOrder {
    /** An input bound to another step's output: ${{parent.jobs.STEP.outputs.OUTPUT}}. */
    static final Pattern UPSTREAM = Pattern.compile("\\$\\{\\{\\s*parent\\.jobs\\.([A-Za-z0-9_-]+)\\.outputs\\.([A-Za-z0-9_-]+)\\s*}}");

    private final JsonNode jobs;

    StepOrder(JsonNode jobs) {
        this.jobs = jobs;
    }

    /** The steps, each after the steps whose outputs it binds to (ties in the order submitted). */
    List<String> steps() {
        List<String> ordered = new ArrayList<>();
        List<String> left = new ArrayList<>();
        jobs.fieldNames().forEachRemaining(left::add);
        while (!left.isEmpty()) {
            String next = left.stream().filter(step -> ordered.containsAll(upstream(step).stream().filter(jobs::has).toList()))
                    .findFirst().orElseThrow(() -> new IllegalStateException("The steps " + left + " bind to each other in a cycle"));
            ordered.add(next);
            left.remove(next);
        }
        return ordered;
    }

    /** The steps whose outputs this step's inputs bind to. */
    Set<String> upstream(String step) {
        Set<String> names = new LinkedHashSet<>();
        jobs.path(step).path("inputs").forEach(input -> {
            Matcher matcher = UPSTREAM.matcher(input.path("value").asText(""));
            while (matcher.find()) {
                names.add(matcher.group(1));
            }
        });
        return names;
    }
}
