package dev.amldebug.cli;

import dev.amldebug.server.run.RunService;
import java.io.PrintWriter;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * Ctrl-C on a foreground run: a shutdown hook stops the run's container, and gives the main thread time to record
 * Canceled and flush the logs. A detached run is left running.
 */
final class CancelOnInterrupt {
    private final Thread hook;
    private final CountDownLatch finished = new CountDownLatch(1);

    private CancelOnInterrupt(RunService runs, String runId, boolean detach, PrintWriter err) {
        this.hook = new Thread(() -> cancel(runs, runId, detach, err));
    }

    static CancelOnInterrupt install(RunService runs, String runId, boolean detach, PrintWriter err) {
        CancelOnInterrupt interrupt = new CancelOnInterrupt(runs, runId, detach, err);
        Runtime.getRuntime().addShutdownHook(interrupt.hook);
        return interrupt;
    }

    /** The run is over here: a later Ctrl-C has nothing to cancel. */
    void remove() {
        finished.countDown();
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException e) {
            // The JVM is already shutting down, and the hook is running: nothing to remove.
        }
    }

    private void cancel(RunService runs, String runId, boolean detach, PrintWriter err) {
        if (finished.getCount() == 0 || !runs.store().read(runId).isActive() || detach) {
            return;
        }
        err.println("\nCanceling run " + runId + "...");
        err.flush();
        try {
            runs.cancel(runId);
            finished.await(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
