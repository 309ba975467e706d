package dev.amldebug.server.run.pipeline;

import dev.amldebug.runner.run.SubmittedRun;
import com.github.dockerjava.api.DockerClient;
import dev.amldebug.errors.AmlDebugException;
import dev.amldebug.runner.image.ImageUsage;
import dev.amldebug.runner.pipeline.PipelineSpec;
import dev.amldebug.runner.pipeline.PipelineStep;
import dev.amldebug.runner.pipeline.PipelineYamlParser;
import dev.amldebug.runner.run.ControlLog;
import dev.amldebug.runner.run.PipelineRuns;
import dev.amldebug.runner.run.RunEvent;
import dev.amldebug.runner.run.RunListener;
import dev.amldebug.runner.run.RunRecord;
import dev.amldebug.runner.run.RunStore;
import dev.amldebug.runner.spec.ExperimentNames;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.Executor;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.function.BiFunction;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/**
 * The lifecycle of a pipeline run, for the run service: the steps in dependency order, independent ones at
 * the same time up to a bound, each a child command run ({@link PipelineStepRunner}); a failed step stops its
 * dependents; a cancel of the pipeline starts no more steps and stops those that run.
 */
public final class PipelineLifecycle {
    /** A pipeline checked and queued: what running it needs. */
    public record Queued(RunRecord pipeline, PipelineSpec spec, Map<String, String> reuseKeys) {
        /** The child run of {@code step}. */
        String stepRunId(String step) {
            return pipeline.pipeline().stepRunId(step);
        }
    }

    private record StepResult(String step, boolean completed) {
    }

    private final Supplier<DockerClient> docker;
    private final RunStore store;
    private final PipelineRuns runs;
    private final PipelineStepRunner steps;
    private final Executor executor;

    public PipelineLifecycle(Supplier<DockerClient> docker, RunStore store, ImageUsage usage, String baseImage, Executor executor) {
        this.docker = docker;
        this.store = store;
        this.runs = new PipelineRuns(store);
        this.steps = new PipelineStepRunner(docker, store, usage, baseImage);
        this.executor = executor;
    }

    /** Bad input (the YAML, an unknown debug step), then an unreachable Docker, are thrown here, before anything is queued. */
    public Queued queue(PipelineRequest request) {
        PipelineSpec spec = new PipelineYamlParser().parse(store.workspace().resolve(request.source()));
        request.debugSteps().forEach(spec::step);
        if (request.maxParallel() < 1) {
            throw AmlDebugException.badInput("The number of steps that run at once must be 1 or more, not "
                    + request.maxParallel() + ".");
        }
        String experiment = request.experiment() == null ? spec.experimentName() : ExperimentNames.check(request.experiment());
        Map<String, String> keys = new LinkedHashMap<>();
        for (PipelineStep step : spec.steps()) {
            keys.put(step.name(), step.reuseKey(keys::get));
        }
        docker.get();
        return new Queued(runs.queue(spec, experiment), spec, keys);
    }

    /**
     * Runs the queued pipeline to its end on this thread, the steps on the executor.
     *
     * @param stepListeners the listeners of a step's child run, given its record and what forwards to {@code pipeline}
     */
    public void run(Queued queued, PipelineRequest request, SubmittedRun submitted, RunListener parent,
             PipelineListener pipeline, BiFunction<RunRecord, RunListener, RunListener> stepListeners) {
        String pipelineId = queued.pipeline().id;
        ControlLog log = new ControlLog(store.controlLog(pipelineId), parent);
        try {
            boolean force = request.forceRerun() != null ? request.forceRerun() : queued.spec().forceRerun();
            log.line("Pipeline " + pipelineId + " from " + queued.spec().source() + ": "
                    + queued.pipeline().pipeline().steps().size() + " steps, up to " + request.maxParallel() + " at once"
                    + (force ? ", reusing nothing" : "") + ".");
            RunRecord running = runs.running(pipelineId);
            parent.statusChanged(running);
            submitted.started().complete(running);
            PipelineStepRunner.Context context = new PipelineStepRunner.Context(queued, request, force, parent,
                    step -> stepListeners.apply(store.read(queued.stepRunId(step)), forwarding(pipeline, pipelineId, step)));
            schedule(queued, request, context, log);
            RunRecord ended = runs.finish(pipelineId);
            log.line("Pipeline " + ended.status + (ended.error == null ? "." : ": " + ended.error + "."));
            parent.statusChanged(ended);
            submitted.ended().complete(ended);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            submitted.fail(e);
        } catch (RuntimeException e) {
            log.line("The pipeline stopped: " + e.getMessage());
            submitted.fail(e);
        }
    }

    private void schedule(Queued queued, PipelineRequest request, PipelineStepRunner.Context context, ControlLog log)
            throws InterruptedException {
        Map<String, Set<String>> needs = queued.spec().steps().stream().collect(Collectors.toMap(PipelineStep::name,
                PipelineStep::dependsOn, (a, b) -> a, LinkedHashMap::new));
        StepSchedule schedule = new StepSchedule(needs, queued.spec().continueOnStepFailure(), request.maxParallel());
        BlockingQueue<StepResult> results = new LinkedBlockingQueue<>();
        while (!schedule.done()) {
            if (store.read(queued.pipeline().id).cancelRequested) {
                notRun(schedule.cancelWaiting(), context, log);
            }
            for (String step : schedule.start()) {
                PipelineStep spec = queued.spec().step(step);
                executor.execute(() -> results.add(new StepResult(step, steps.run(spec, context))));
            }
            if (!schedule.isRunning()) {
                break;
            }
            StepResult result = results.take();
            RunRecord step = store.read(queued.stepRunId(result.step()));
            String reusedFrom = step.step().reusedFrom();
            log.line("Step " + result.step() + ": " + step.status
                    + (reusedFrom == null ? "" : " (reused " + reusedFrom + ")") + (step.error == null ? "" : ": " + step.error));
            if (store.read(queued.pipeline().id).cancelRequested) {
                notRun(schedule.cancelWaiting(), context, log);
            }
            notRun(schedule.ended(result.step(), result.completed()), context, log);
        }
    }

    private void notRun(List<StepSchedule.NotRun> stopped, PipelineStepRunner.Context context, ControlLog log) {
        for (StepSchedule.NotRun notRun : stopped) {
            String stepRunId = context.queued().stepRunId(notRun.step());
            RunListener listener = context.stepListener(notRun.step());
            RunRecord record = runs.notRun(stepRunId, notRun.reason(), listener);
            listener.statusChanged(record);
            log.line("Step " + notRun.step() + " not run: " + notRun.reason() + ".");
            context.parent().event(new RunEvent.StepEnded(stepRunId, context.queued().pipeline().id, notRun.step(),
                    record.status, null, notRun.reason()));
        }
    }

    /** A step's log lines and events, passed on to the pipeline's follower with the step's name. */
    private static RunListener forwarding(PipelineListener pipeline, String pipelineId, String step) {
        return new RunListener() {
            @Override
            public void event(RunEvent event) {
                pipeline.stepEvent(pipelineId, step, event);
            }

            @Override
            public void controlLine(String line) {
                pipeline.stepControlLine(step, line);
            }

            @Override
            public void driverOutput(String text) {
                pipeline.stepOutput(step, text);
            }
        };
    }
}
