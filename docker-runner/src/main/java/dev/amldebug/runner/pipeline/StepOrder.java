package dev.amldebug.runner.pipeline;

import dev.amldebug.runner.yaml.YamlValue;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** The steps in dependency order (ties in file order), or a cycle named where it is bound. */
final class StepOrder {
    private StepOrder() {
    }

    /** @param upstream in file order: step -> (the step it binds to -> where that binding stands) */
    static List<String> sort(Map<String, Map<String, YamlValue>> upstream) {
        List<String> order = new ArrayList<>();
        Set<String> left = new LinkedHashSet<>(upstream.keySet());
        boolean progress = true;
        while (!left.isEmpty() && progress) {
            progress = false;
            for (String step : left) {
                if (order.containsAll(upstream.get(step).keySet())) {
                    order.add(step);
                    left.remove(step);
                    progress = true;
                    break;
                }
            }
        }
        if (!left.isEmpty()) {
            throw cycle(upstream, left);
        }
        return order;
    }

    private static RuntimeException cycle(Map<String, Map<String, YamlValue>> upstream, Set<String> left) {
        Map<String, String> next = new LinkedHashMap<>();
        String step = left.iterator().next();
        while (!next.containsKey(step)) {
            String up = upstream.get(step).keySet().stream().filter(left::contains).findFirst().orElseThrow();
            next.put(step, up);
            step = up;
        }
        List<String> cycle = new ArrayList<>();
        for (String at = step; cycle.isEmpty() || !at.equals(step); at = next.get(at)) {
            cycle.add(at);
        }
        cycle.add(step);
        return upstream.get(step).get(next.get(step)).error("steps " + String.join(" -> ", cycle)
                + " bind to each other's outputs in a cycle, so none of them can start; remove one of these bindings");
    }
}
