package dev.amldebug.runner.pipeline;

import dev.amldebug.errors.AmlDebugException;
import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * A parsed Azure ML v2 pipeline job ({@code type: pipeline}). {@code steps} come in dependency order
 * (a topological order; ties in file order). {@code inputs} holds the pipeline's literal inputs (its path
 * inputs are resolved into the steps); {@code outputs} maps a pipeline output to the "step.output" bound to it.
 * {@code defaultCompute} is kept as written (it means nothing locally); may be null.
 */
public record PipelineSpec(Path source, String experimentName, String displayName,
                           Map<String, String> inputs,
                           Map<String, String> outputs,
                           boolean continueOnStepFailure, boolean forceRerun, String defaultCompute,
                           List<PipelineStep> steps) {

    public PipelineSpec {
        inputs = Collections.unmodifiableMap(new LinkedHashMap<>(inputs));
        outputs = Collections.unmodifiableMap(new LinkedHashMap<>(outputs));
        steps = List.copyOf(steps);
    }

    /** @throws AmlDebugException (not found) naming the steps there are */
    public PipelineStep step(String name) {
        return steps.stream().filter(step -> step.name().equals(name)).findFirst()
                .orElseThrow(() -> AmlDebugException.notFound("The pipeline " + source + " has no step named '" + name
                        + "'; its steps are: " + stepNames() + "."));
    }

    /** The step names in dependency order, comma separated. */
    public String stepNames() {
        return steps.stream().map(PipelineStep::name).collect(Collectors.joining(", "));
    }
}
