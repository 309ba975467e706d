package dev.amldebug.runner.run;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/** A pipeline's part of its {@link RunRecord}: its steps, each a child run. Empty for other kinds. */
@RunRecordPart
public final class PipelinePart {
    /** Step name -> child run id, in dependency order; null (left out of run.json) for other kinds. */
    private LinkedHashMap<String, String> steps;

    /** Step name -> child run id, in dependency order; empty for a run that is no pipeline. */
    public Map<String, String> steps() {
        return steps == null ? Map.of() : Collections.unmodifiableMap(steps);
    }

    /** The child run of step {@code name}, or null if the pipeline has no such step. */
    public String stepRunId(String name) {
        return steps == null ? null : steps.get(name);
    }

    /** Adds step {@code name}, run as {@code runId}, after the steps added before it. */
    public void addStep(String name, String runId) {
        if (steps == null) {
            steps = new LinkedHashMap<>();
        }
        steps.put(name, runId);
    }
}
