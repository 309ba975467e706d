package dev.amldebug.cli;

import dev.amldebug.runner.run.RunEvent;
import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Future;
import java.util.function.Function;

/**
 * Attaches the console debugger to a run or step that failed and waits for a debugger (post-mortem): once per run,
 * and not to a run whose console debugger is attached already (--break), which stops there by itself.
 */
final class PostMortemAttach {
    private final PrintWriter err;
    private final Function<String, Future<?>> attach;
    private final Set<String> attached = ConcurrentHashMap.newKeySet();
    private final List<Future<?>> sessions = new CopyOnWriteArrayList<>();

    /** @param attach starts the console debugger on a run, given its id */
    PostMortemAttach(PrintWriter err, Function<String, Future<?>> attach) {
        this.err = err;
        this.attach = attach;
    }

    /** The console debugger is on {@code runId} already. */
    void attachedTo(String runId) {
        attached.add(runId);
    }

    void on(RunEvent event) {
        if (event instanceof RunEvent.PostMortemWaiting waiting && attached.add(waiting.runId())) {
            err.println("post-mortem: " + waiting.runId() + " raised " + waiting.exception() + "; the console debugger"
                    + " attaches at " + waiting.debugEndpoint());
            err.flush();
            sessions.add(attach.apply(waiting.runId()));
        }
    }

    /** Whether a console debugger was attached after a failure. */
    boolean attachedAny() {
        return !sessions.isEmpty();
    }

    /** Waits for the sessions to end (the run has ended: they end soon after). */
    void awaitSessions() throws InterruptedException {
        for (Future<?> session : sessions) {
            try {
                session.get(30, TimeUnit.SECONDS);
            } catch (ExecutionException | TimeoutException e) {
                // The run has ended; a session that has not finished has nothing left to show.
            }
        }
    }
}
