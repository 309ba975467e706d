package dev.amldebug.runner.run;

import dev.amldebug.runner.run.RunRecord;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;

/**
 * A run the service accepted: its id at once, then its start (container running, or the reason
 * it could not start) and its end. A detached run ends, for this process, when it started.
 */
public final class SubmittedRun {
    private final String id;
    private final CompletableFuture<RunRecord> started = new CompletableFuture<>();
    private final CompletableFuture<RunRecord> ended = new CompletableFuture<>();

    public SubmittedRun(String id) {
        this.id = id;
    }

    public String id() {
        return id;
    }

    public CompletableFuture<RunRecord> started() {
        return started;
    }

    public CompletableFuture<RunRecord> ended() {
        return ended;
    }

    /** Waits until the container runs; throws what stopped it from starting (a bad image, Docker, ...). */
    public RunRecord awaitStarted() throws InterruptedException {
        return await(started);
    }

    /** Waits until the run ended and its end is recorded. */
    public RunRecord awaitEnded() throws InterruptedException {
        return await(ended);
    }

    public void fail(Throwable error) {
        started.completeExceptionally(error);
        ended.completeExceptionally(error);
    }

    private static RunRecord await(CompletableFuture<RunRecord> future) throws InterruptedException {
        try {
            return future.get();
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException runtime) {
                throw runtime;
            }
            if (e.getCause() instanceof InterruptedException interrupted) {
                throw interrupted;
            }
            throw new IllegalStateException("a run follower failed", e.getCause());
        }
    }
}
