package dev.amldebug.server.pictures;

import dev.amldebug.errors.AmlDebugException;
import dev.amldebug.runner.pipeline.PipelineSpec;
import dev.amldebug.runner.pipeline.PipelineStep;
import dev.amldebug.runner.pipeline.PipelineYamlParser;
import dev.amldebug.runner.pipeline.StepInput;
import dev.amldebug.runner.run.RunKind;
import dev.amldebug.runner.run.RunRecord;
import dev.amldebug.runner.run.RunStore;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * A pipeline run as a graph: a box per step with its state, and an arrow per data binding
 * ({@code ${{parent.jobs.STEP.outputs.OUT}}} in a step's inputs), read from the pipeline's YAML.
 */
public final class PipelineGraph {
    /**
     * @param state  the step run's status in lower case, {@code reused} for a step that took an earlier run's outputs,
     *               {@code notStarted} for a step with no run yet
     * @param logUri the step's driver log, null without a run
     */
    public record Step(String name, String runId, String state, String status, String reusedFrom, String error,
                       String logUri) {
    }

    public record Edge(String from, String to, String label) {
    }

    /** {@code note}: why arrows are missing (the YAML is gone or no longer reads), else null. */
    public record View(String runId, String status, boolean active, List<Step> steps, List<Edge> edges, String note) {
    }

    private final RunStore store;

    public PipelineGraph(RunStore store) {
        this.store = store;
    }

    public View read(String runId) {
        RunRecord pipeline = store.read(runId);
        if (pipeline.kind != RunKind.pipeline) {
            throw AmlDebugException.badInput("Run " + runId + " is no pipeline run: pick a pipeline run for its graph.");
        }
        PipelineSpec spec;
        String note = null;
        try {
            spec = pipeline.source == null ? null : new PipelineYamlParser().parse(Path.of(pipeline.source));
        } catch (AmlDebugException | UncheckedIOException e) {
            spec = null;
        }
        if (spec == null) {
            note = "The pipeline's YAML (" + pipeline.source + ") does not read now, so the steps' bindings are not shown.";
        }
        Set<String> names = new LinkedHashSet<>(pipeline.pipeline().steps().keySet());
        List<Edge> edges = new ArrayList<>();
        if (spec != null) {
            spec.steps().forEach(step -> names.add(step.name()));
            spec.steps().forEach(step -> edges.addAll(edges(step)));
        }
        List<Step> steps = names.stream().map(name -> step(name, pipeline.pipeline().stepRunId(name))).toList();
        return new View(pipeline.id, pipeline.status.name(), pipeline.isActive(), steps, edges, note);
    }

    static List<Edge> edges(PipelineStep step) {
        List<Edge> edges = new ArrayList<>();
        step.inputs().forEach((input, bound) -> {
            if (bound instanceof StepInput.StepOutput output) {
                edges.add(new Edge(output.step(), step.name(), output.output() + " → " + input));
            }
        });
        return edges;
    }

    private Step step(String name, String runId) {
        if (runId == null) {
            return new Step(name, null, "notStarted", "NotStarted", null, null, null);
        }
        RunRecord run = store.read(runId);
        String reusedFrom = run.step().reusedFrom();
        String state = reusedFrom != null ? "reused" : run.status.name().toLowerCase();
        return new Step(name, run.id, state, run.status.name(), reusedFrom, run.error,
                store.driverLog(run.id).toUri().toString());
    }
}
