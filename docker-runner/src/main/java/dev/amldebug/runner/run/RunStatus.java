package dev.amldebug.runner.run;

/**
 * The statuses of a run, named as Azure ML names its job statuses. Each {@link RunKind} uses
 * the part of this model that fits its lifecycle; a local command run uses six of them.
 */
public enum RunStatus {
    NotStarted, Starting, Provisioning, Preparing, Queued, Running, Finalizing, CancelRequested,
    Completed, Failed, Canceled, NotResponding, Paused;

    public boolean isTerminal() {
        return this == Completed || this == Failed || this == Canceled;
    }
}
