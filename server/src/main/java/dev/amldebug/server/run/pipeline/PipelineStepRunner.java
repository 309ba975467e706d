package dev.amldebug.server.run.pipeline;

import com.github.dockerjava.api.DockerClient;
import dev.amldebug.runner.image.ImageUsage;
import dev.amldebug.runner.pipeline.PipelineStep;
import dev.amldebug.runner.run.LocalRun;
import dev.amldebug.runner.run.LocalRunner;
import dev.amldebug.runner.run.PipelineRuns;
import dev.amldebug.runner.run.RunEvent;
import dev.amldebug.runner.run.RunListener;
import dev.amldebug.runner.run.RunRecord;
import dev.amldebug.runner.run.RunStatus;
import dev.amldebug.runner.run.RunStore;
import dev.amldebug.runner.run.StartOptions;
import dev.amldebug.runner.spec.EnvironmentSpec;
import dev.amldebug.runner.spec.RunSpec;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One pipeline step: reuses the outputs of an earlier run when Azure ML's rule allows, or runs it as a command
 * run through {@link LocalRunner} (image, snapshot, network, logs), with the outputs of the steps it binds to
 * mounted read-only as its inputs.
 */
final class PipelineStepRunner {
    private static final Logger LOG = LoggerFactory.getLogger(PipelineStepRunner.class);

    /** What every step of one pipeline run shares. */
    static final class Context {
        private final PipelineLifecycle.Queued queued;
        private final PipelineRequest request;
        private final boolean force;
        private final RunListener parent;
        private final Function<String, RunListener> makeStepListener;
        private final Map<String, RunListener> stepListeners = new ConcurrentHashMap<>();
        /** Steps that ran in this pipeline run: their dependents have new inputs and cannot reuse. */
        private final Set<String> ran = ConcurrentHashMap.newKeySet();

        Context(PipelineLifecycle.Queued queued, PipelineRequest request, boolean force, RunListener parent,
                Function<String, RunListener> makeStepListener) {
            this.queued = queued;
            this.request = request;
            this.force = force;
            this.parent = parent;
            this.makeStepListener = makeStepListener;
        }

        PipelineLifecycle.Queued queued() {
            return queued;
        }

        RunListener parent() {
            return parent;
        }

        RunListener stepListener(String step) {
            return stepListeners.computeIfAbsent(step, makeStepListener);
        }

        String pipelineId() {
            return queued.pipeline().id;
        }

        String stepRunId(String step) {
            return queued.stepRunId(step);
        }
    }

    private final Supplier<DockerClient> docker;
    private final RunStore store;
    private final ImageUsage usage;
    private final String baseImage;
    private final PipelineRuns runs;

    PipelineStepRunner(Supplier<DockerClient> docker, RunStore store, ImageUsage usage, String baseImage) {
        this.docker = docker;
        this.store = store;
        this.usage = usage;
        this.baseImage = baseImage;
        this.runs = new PipelineRuns(store);
    }

    /** @return whether the step completed (ran, or reused outputs) */
    boolean run(PipelineStep step, Context context) {
        String stepRunId = context.stepRunId(step.name());
        RunListener listener = context.stepListener(step.name());
        try {
            if (store.read(context.pipelineId()).cancelRequested) {
                RunRecord record = runs.notRun(stepRunId, "the pipeline was canceled", listener);
                return ended(step, context, record, null);
            }
            String key = context.queued().reuseKeys().get(step.name());
            Optional<RunRecord> reusable = mayReuse(step, context) ? runs.reusable(key) : Optional.empty();
            if (reusable.isPresent()) {
                RunRecord record = runs.reused(stepRunId, key, reusable.get(), listener);
                listener.statusChanged(record);
                return ended(step, context, record, null);
            }
            context.ran.add(step.name());
            store.update(stepRunId, r -> r.step().setReuseKey(key));
            return ended(step, context, execute(step, stepRunId, context, listener), null);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return ended(step, context, store.read(stepRunId), "interrupted");
        } catch (RuntimeException e) {
            LOG.debug("Step {} could not run", step.name(), e);
            // LocalRunner recorded the failure and wrote the reason to the step's control log.
            return ended(step, context, store.read(stepRunId), e.getMessage());
        }
    }

    private boolean mayReuse(PipelineStep step, Context context) {
        return !context.force && !context.request.debugSteps().contains(step.name())
                && step.dependsOn().stream().noneMatch(context.ran::contains);
    }

    private RunRecord execute(PipelineStep step, String stepRunId, Context context, RunListener listener)
            throws InterruptedException {
        RunSpec spec = step.runSpec((upstream, output) -> upstreamOutput(context, upstream, output), context.queued().pipeline().experiment);
        if (spec.environment() == null) {
            spec = spec.withEnvironment(EnvironmentSpec.ofImage(baseImage));
        }
        for (String output : step.outputNames()) {
            createFolder(store.outputs(stepRunId).resolve(output));
        }
        boolean debugged = context.request.debugSteps().contains(step.name());
        StartOptions options = new StartOptions(false, context.request.debugOptions(step.name()));
        LocalRun local = new LocalRunner(docker.get(), store, usage).start(stepRunId, spec, options, listener);
        // A step with post-mortem only is a debug target once it failed (PostMortemWaiting), not as it starts.
        context.parent.event(new RunEvent.StepStarted(stepRunId, context.pipelineId(), step.name(),
                debugged ? local.record().debugEndpoint : null));
        RunRecord ended = local.await();
        return ended.status == RunStatus.Completed ? runs.recordOutputs(stepRunId) : ended;
    }

    /** The host folder of an upstream step's output: its run's, or the run's it reused. */
    private Path upstreamOutput(Context context, String upstreamStep, String output) {
        RunRecord upstream = store.read(context.stepRunId(upstreamStep));
        return createFolder(store.outputsOf(upstream).resolve(output));
    }

    private static Path createFolder(Path folder) {
        try {
            return Files.createDirectories(folder);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create " + folder, e);
        }
    }

    private static boolean ended(PipelineStep step, Context context, RunRecord record, String reason) {
        String why = reason != null ? reason : record.status == RunStatus.Completed ? null : record.error;
        context.parent.event(new RunEvent.StepEnded(record.id, context.pipelineId(), step.name(), record.status,
                record.step().reusedFrom(), why));
        return record.status == RunStatus.Completed;
    }
}
