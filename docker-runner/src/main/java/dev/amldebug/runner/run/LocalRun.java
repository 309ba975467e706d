package dev.amldebug.runner.run;

/** A started run (one container, or a distributed run's nodes), followed by this process until it ends. */
public final class LocalRun {
    /** How this process follows a run to its end and records that end; none for a detached run. */
    public interface Follower {
        RunRecord await() throws InterruptedException;
    }

    private final RunRecord started;
    private final Follower follower;
    private volatile RunRecord ended;

    /** @param follower null for a run left to itself (detached) */
    public LocalRun(RunRecord started, Follower follower) {
        this.started = started;
        this.follower = follower;
    }

    public static LocalRun ended(RunRecord record) {
        LocalRun run = new LocalRun(record, null);
        run.ended = record;
        return run;
    }

    public String id() {
        return started.id;
    }

    public RunRecord record() {
        return ended != null ? ended : started;
    }

    /** Waits for the run to end and its end to be recorded. Only for runs this process follows (not detached). */
    public RunRecord await() throws InterruptedException {
        if (ended != null) {
            return ended;
        }
        if (follower == null) {
            throw new IllegalStateException("run " + started.id + " is detached; nothing here follows it");
        }
        ended = follower.await();
        return ended;
    }
}
