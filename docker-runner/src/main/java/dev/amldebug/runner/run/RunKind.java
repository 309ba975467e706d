package dev.amldebug.runner.run;

import java.util.EnumSet;
import java.util.Set;

/**
 * What a run is, and so which statuses it goes through. A local command run is driven by its
 * container's exit code. Kinds to come have lifecycles of their own: a deployment is long-lived
 * and healthy or not; a pipeline is a parent whose status follows its step children; a
 * multi-node run has a container per node and a log per rank.
 */
public enum RunKind {
    /** NotStarted only as a pipeline step that waits for the steps it needs (it ends Canceled if it never runs). */
    command(EnumSet.of(RunStatus.NotStarted, RunStatus.Queued, RunStatus.Preparing, RunStatus.Running, RunStatus.Completed, RunStatus.Failed,
            RunStatus.Canceled)),
    /** Long-lived: Running while it serves (its health says how), Canceled when brought down, Failed if it dies. */
    deployment(EnumSet.of(RunStatus.Queued, RunStatus.Preparing, RunStatus.Running, RunStatus.Failed,
            RunStatus.Canceled)),
    /**
     * A parent whose steps are child runs of kind command: NotStarted, Queued, Running, then Completed when every
     * step completed (or reused its outputs), Failed naming the steps that failed, or Canceled.
     */
    pipeline(EnumSet.of(RunStatus.NotStarted, RunStatus.Queued, RunStatus.Running, RunStatus.Completed,
            RunStatus.Failed, RunStatus.Canceled)),
    /**
     * A multi-node job (distribution: pytorch, mpi or tensorflow): a container per node, processes (ranks) in each,
     * one log per rank. Completed when every rank exited 0; Failed as soon as one rank fails (the others are
     * stopped, and {@code failedRank} names the first); Canceled when asked.
     */
    distributed(EnumSet.of(RunStatus.Queued, RunStatus.Preparing, RunStatus.Running, RunStatus.Completed,
            RunStatus.Failed, RunStatus.Canceled));

    private final Set<RunStatus> statuses;

    RunKind(Set<RunStatus> statuses) {
        this.statuses = statuses;
    }

    /** The statuses a run of this kind can have. */
    public Set<RunStatus> statuses() {
        return statuses;
    }
}
