package dev.amldebug.cli;

import dev.amldebug.cli.progress.Progress;

/**
 * A followed log that has nothing yet: a spinner on a terminal (one line otherwise) that says what it waits for and
 * since when, gone before the log's first bytes are printed.
 */
final class LogWait implements AutoCloseable {
    private final Progress progress;
    private final String what;
    private Progress.Task task;

    /** @param what "Waiting for job X to write its log" */
    LogWait(Progress progress, String what) {
        this.progress = progress;
        this.what = what;
    }

    /** Still nothing to print; {@code status} is where the job or run is now. */
    synchronized void stillWaiting(Object status) {
        if (task == null) {
            task = progress.waiting(what + " (" + status + ")", null);
        }
    }

    /** The first bytes came, or the follow ended. */
    @Override
    public synchronized void close() {
        if (task != null) {
            task.close();
            task = null;
        }
    }
}
