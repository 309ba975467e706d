package dev.amldebug.runner.run;

/** The statuses of a run, named as Azure ML names them. */
public enum RunStatus {
    Queued, Preparing, Running, Completed, Failed, Canceled;

    public boolean isTerminal() {
        return this == Completed || this == Failed || this == Canceled;
    }
}
