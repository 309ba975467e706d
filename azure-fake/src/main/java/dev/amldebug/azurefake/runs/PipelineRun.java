package dev.amldebug.azurefake.runs;

import com.fasterxml.jackson.databind.JsonNode;
import dev.amldebug.azurefake.jobs.FakeJob;
import dev.amldebug.azurefake.workspace.FakeWorkspace;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * A submitted pipeline job, run for real as the service runs one: each step a child run (in run history's children,
 * with its own log) of what its component version runs (the step's {@code componentId}), a container of its own on the
 * pipeline's Docker network, one after another in dependency order ({@link StepOrder}).
 * A step's outputs are copied out when it completes and copied in as the inputs of the steps bound to them
 * ({@link PipelineStep}). The parent goes Queued, Running, then Completed, or Failed when a step failed (its dependents
 * never start; the others do only with {@code continue_on_step_failure}).
 */
final class PipelineRun {
    static final String STEP_SEPARATOR = "_";

    private final RealRuns runs;
    private final JobContainers containers;
    private final FakeWorkspace ws;
    private final FakeJob pipeline;
    private final JsonNode jobs;
    private final StepOrder order;

    PipelineRun(RealRuns runs, JobContainers containers, FakeWorkspace ws, FakeJob pipeline) {
        this.runs = runs;
        this.containers = containers;
        this.ws = ws;
        this.pipeline = pipeline;
        this.jobs = pipeline.submitted.path("jobs");
        this.order = new StepOrder(jobs);
    }

    void run() throws IOException {
        RealRuns.setUnlessStopping(ws, pipeline.name, "Queued");
        String network = JobContainers.pipelineNetwork(pipeline.name);
        Path work = Files.createTempDirectory("aml-fake-pipeline-");
        boolean continueOnFailure = pipeline.submitted.path("settings").path("continue_on_step_failure").asBoolean(false);
        Set<String> failed = new LinkedHashSet<>();
        try {
            containers.createNetwork(network);
            RealRuns.setUnlessStopping(ws, pipeline.name, "Running");
            for (String step : order.steps()) {
                if (stopping() || (!failed.isEmpty() && !continueOnFailure) || order.upstream(step).stream().anyMatch(failed::contains)) {
                    continue;
                }
                if (runStep(step, network, work) != 0) {
                    failed.add(step);
                }
            }
            RealRuns.setUnlessStopping(ws, pipeline.name, failed.isEmpty() ? "Completed" : "Failed");
        } finally {
            containers.removeNetwork(network);
            RealRuns.deleteQuietly(work);
        }
    }

    private int runStep(String step, String network, Path work) throws IOException {
        JsonNode node = jobs.path(step);
        PipelineStep bound = new PipelineStep(pipeline, node, componentSpec(step));
        FakeJob child = ws.jobs.createStep(pipeline.name, pipeline.name + STEP_SEPARATOR + step,
                node.path("display_name").asText(step), bound.commandProperties());
        ws.jobs.runForReal(child.name);
        RealRuns.setUnlessStopping(ws, child.name, "Queued");
        Path stepWork = work.resolve(step);
        int exit = runs.runContainer(ws, child, bound.container(network, work, stepWork), stepWork);
        RealRuns.setUnlessStopping(ws, child.name, exit == 0 ? "Completed" : "Failed");
        return exit;
    }

    /** What the step runs: the spec of the component version its componentId names (checked when the job was put). */
    private JsonNode componentSpec(String step) {
        String componentId = jobs.path(step).path("componentId").asText();
        return ws.component(componentId).map(version -> version.path("properties").path("componentSpec"))
                .orElseThrow(() -> new IllegalStateException("Step " + step + "'s component " + componentId + " is gone"));
    }

    private boolean stopping() {
        return ws.jobs.find(pipeline.name).map(job -> RealRuns.STOPPING.contains(job.status)).orElse(true);
    }
}
