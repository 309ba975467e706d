package dev.amldebug.server.debug;

import dev.amldebug.bridge.target.BridgeTarget;
import dev.amldebug.errors.AmlDebugException;
import dev.amldebug.runner.debug.DebugOptions;
import dev.amldebug.runner.pipeline.PipelineSpec;
import dev.amldebug.runner.pipeline.PipelineYamlParser;
import dev.amldebug.runner.run.RunEvent;
import dev.amldebug.runner.run.RunListener;
import dev.amldebug.runner.run.RunRecord;
import dev.amldebug.runner.run.SubmittedRun;
import dev.amldebug.server.run.RunService;
import dev.amldebug.server.run.pipeline.PipelineListener;
import dev.amldebug.server.run.pipeline.PipelineRequest;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;

/**
 * A launch of a pipeline YAML: the whole pipeline runs, its {@code step} under the debugger (the others plainly, as
 * {@code aml-debug run --debug-step} does), and the session attaches to that step once it starts. A pipeline of one
 * step needs no {@code step}.
 */
final class PipelineLaunch {
    private final RunService runs;
    private final RunListener listener;

    PipelineLaunch(RunService runs, RunListener listener) {
        this.runs = runs;
        this.listener = listener;
    }

    /** The step to debug: the one named (checked against the YAML), or the only one; refused before anything runs. */
    static String step(Path source, String named) {
        PipelineSpec spec = new PipelineYamlParser().parse(source);
        if (named != null) {
            return spec.step(named).name();
        }
        if (spec.steps().size() != 1) {
            throw AmlDebugException.badInput("The pipeline " + source.getFileName() + " has several steps: name the one"
                    + " to debug with \"step\" in the launch configuration (one of " + spec.stepNames() + ").");
        }
        return spec.steps().get(0).name();
    }

    BridgeTarget launch(Path source, String named, String experiment, Integer wait, boolean justMyCode)
            throws InterruptedException {
        String step = step(source, named);
        CompletableFuture<String> started = new CompletableFuture<>();
        PipelineListener watch = new PipelineListener() {
            @Override
            public void event(RunEvent event) {
                if (event instanceof RunEvent.StepStarted begun && step.equals(begun.step()) && begun.debugEndpoint() != null) {
                    started.complete(begun.runId());
                }
                listener.event(event);
            }

            @Override
            public void controlLine(String line) {
                listener.controlLine(line);
            }
        };
        PipelineRequest request = PipelineRequest.of(source).withExperiment(experiment)
                .withDebugSteps(List.of(step), DebugOptions.waitingUpTo(wait));
        SubmittedRun run = runs.submitPipeline(request, watch);
        run.ended().whenComplete((end, error) ->
                started.completeExceptionally(error != null ? error : ended(run.id(), step, end)));
        try {
            return runs.debugTarget(started.get(), justMyCode);
        } catch (ExecutionException e) {
            throw e.getCause() instanceof RuntimeException known ? known : new IllegalStateException(e.getCause());
        }
    }

    private static AmlDebugException ended(String runId, String step, RunRecord end) {
        return AmlDebugException.badInput("Pipeline run " + runId + " ended" + (end == null ? "" : " (" + end.status + ")")
                + " before its step " + step + " started, so there was nothing to debug. Its logs: aml-debug runs logs "
                + runId);
    }
}
