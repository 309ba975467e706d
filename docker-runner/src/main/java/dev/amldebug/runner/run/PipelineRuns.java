package dev.amldebug.runner.run;

import dev.amldebug.runner.pipeline.PipelineSpec;
import dev.amldebug.runner.pipeline.PipelineStep;
import dev.amldebug.runner.pipeline.ReuseKeys;
import java.nio.file.Files;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The run store's side of a pipeline: a parent run of kind pipeline and a child command run per step,
 * all queued at once so that every step is visible from the start. Steps then run through
 * {@link LocalRunner}, reuse another run's outputs, or are recorded as not run.
 */
public final class PipelineRuns {
    private final RunStore store;

    public PipelineRuns(RunStore store) {
        this.store = store;
    }

    /** Records the pipeline (Queued) and its steps (NotStarted); returns the parent's record, its steps named. */
    public RunRecord queue(PipelineSpec spec, String experiment) {
        RunRecord parent = record(experiment, RunKind.pipeline, RunStatus.Queued);
        parent.displayName = spec.displayName();
        parent.source = spec.source().toString();
        parent.codeDir = spec.source().toAbsolutePath().getParent().toString();
        for (PipelineStep step : spec.steps()) {
            RunRecord child = record(experiment, RunKind.command, RunStatus.NotStarted);
            child.displayName = step.displayName() == null ? step.name() : step.displayName();
            child.source = (step.componentFile() == null ? spec.source() : step.componentFile()).toString();
            child.codeDir = step.codeDir().toString();
            child.step().placeIn(parent.id, step.name());
            parent.pipeline().addStep(step.name(), child.id);
            store.create(child);
        }
        store.create(parent);
        return parent;
    }

    private static RunRecord record(String experiment, RunKind kind, RunStatus status) {
        RunRecord record = new RunRecord();
        record.id = RunIds.next(experiment, Instant.now().getEpochSecond());
        record.experiment = experiment;
        record.kind = kind;
        record.status = status;
        record.createdAt = Instant.now();
        RunOwner.claim(record);
        return record;
    }

    public RunRecord running(String pipelineId) {
        return store.update(pipelineId, r -> {
            r.status = RunStatus.Running;
            r.startedAt = Instant.now();
        });
    }

    /**
     * The newest completed step run with this reuse key whose outputs are still there as it left them (their hash
     * unchanged), as the run that holds them (a run that itself reused points at the one that ran).
     */
    public Optional<RunRecord> reusable(String reuseKey) {
        return store.list().stream()
                .filter(r -> r.step().isStep() && r.status == RunStatus.Completed
                        && reuseKey.equals(r.step().reuseKey()))
                .sorted(Comparator.comparing((RunRecord r) -> r.endedAt, Comparator.nullsFirst(Comparator.naturalOrder()))
                        .reversed())
                .map(r -> r.step().reusedFrom() == null ? r : readQuietly(r.step().reusedFrom()))
                .filter(r -> r != null && r.status == RunStatus.Completed && Files.isDirectory(store.outputs(r.id))
                        && outputsUnchanged(r))
                .findFirst();
    }

    /** Whether the step's outputs are as it left them when it completed. */
    private boolean outputsUnchanged(RunRecord step) {
        String hash = step.step().outputsHash();
        return hash != null && hash.equals(ReuseKeys.outputs(store.outputs(step.id)));
    }

    /** A step that ran to completion: its outputs as they are now, for {@link #reusable} to check later. */
    public RunRecord recordOutputs(String stepRunId) {
        String hash = ReuseKeys.outputs(store.outputs(stepRunId));
        return store.update(stepRunId, r -> r.step().setOutputsHash(hash));
    }

    private RunRecord readQuietly(String id) {
        try {
            return store.read(id);
        } catch (RunNotFoundException | BrokenRunException e) {
            return null;
        }
    }

    /** The step takes {@code from}'s outputs instead of running: Completed at once, and its log says why. */
    public RunRecord reused(String stepRunId, String reuseKey, RunRecord from, RunListener listener) {
        new ControlLog(store.controlLog(stepRunId), listener).line("Reused the outputs of " + from.id
                + " (unchanged code, command, environment and inputs). Outputs: " + store.outputs(from.id));
        return store.update(stepRunId, r -> {
            Instant now = Instant.now();
            r.status = RunStatus.Completed;
            r.step().setReuseKey(reuseKey);
            r.step().setReusedFrom(from.id);
            r.image = from.image;
            r.exitCode = 0;
            r.startedAt = now;
            r.endedAt = now;
            r.ownerPid = null;
            r.ownerStartedAt = null;
        });
    }

    /** The step will not run ({@code reason}: a step it needs failed, the pipeline was canceled): Canceled. */
    public RunRecord notRun(String stepRunId, String reason, RunListener listener) {
        new ControlLog(store.controlLog(stepRunId), listener).line("Not run: " + reason + ".");
        return store.update(stepRunId, r -> {
            r.status = RunStatus.Canceled;
            r.error = "Not run: " + reason;
            r.endedAt = Instant.now();
            r.ownerPid = null;
            r.ownerStartedAt = null;
        });
    }

    /** Records the pipeline's end: Completed, Canceled when asked, or Failed naming the steps that failed. */
    public RunRecord finish(String pipelineId) {
        List<String> failedSteps = failedSteps(store.read(pipelineId));
        return store.update(pipelineId, r -> {
            r.endedAt = Instant.now();
            boolean allCompleted = r.pipeline().steps().values().stream()
                    .allMatch(step -> store.read(step).status == RunStatus.Completed);
            r.status = r.cancelRequested ? RunStatus.Canceled
                    : failedSteps.isEmpty() && allCompleted ? RunStatus.Completed : RunStatus.Failed;
            r.error = failedSteps.isEmpty() ? null : "Steps failed: " + String.join(", ", failedSteps);
            r.exitCode = r.status == RunStatus.Completed ? 0 : 1;
            r.ownerPid = null;
            r.ownerStartedAt = null;
        });
    }

    /** Marks the pipeline canceled and stops the steps that run; whoever runs the pipeline starts no more. */
    public RunRecord cancel(String pipelineId, RunContainers containers) throws InterruptedException {
        RunRecord parent = store.update(pipelineId, r -> {
            if (r.isActive()) {
                r.cancelRequested = true;
            }
        });
        if (!parent.isActive()) {
            return parent;
        }
        new ControlLog(store.controlLog(pipelineId), RunListener.NONE).line("Cancel requested; stopping the steps.");
        RunCanceller canceller = new RunCanceller(store, containers);
        for (String stepRunId : parent.pipeline().steps().values()) {
            if (store.read(stepRunId).isActive()) {
                canceller.cancel(stepRunId);
            }
        }
        if (RunOwner.isAlive(parent)) {
            return store.read(pipelineId);
        }
        return finish(pipelineId);
    }

    /** The steps whose runs failed, in dependency order. */
    public List<String> failedSteps(RunRecord pipeline) {
        return pipeline.pipeline().steps().entrySet().stream()
                .filter(step -> store.read(step.getValue()).status == RunStatus.Failed).map(Map.Entry::getKey).toList();
    }
}
