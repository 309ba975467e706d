package dev.amldebug.server.run;

import dev.amldebug.runner.run.SubmittedRun;
import dev.amldebug.runner.run.DetachedRunFollower;
import dev.amldebug.runner.run.RunRecord;
import dev.amldebug.runner.run.RunStore;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The runs this process follows to their end, and who takes them over: a background follower (a process of its own)
 * for a detached run, or for those still followed when this process exits, so that they are recorded and their
 * containers removed when they end.
 */
final class FollowedRuns {
    private final RunStore store;
    private final Set<String> followed = ConcurrentHashMap.newKeySet();

    FollowedRuns(RunStore store) {
        this.store = store;
    }

    /** A run this process follows, until it ends; a detached one is not. */
    void track(SubmittedRun run, boolean detached) {
        if (!detached) {
            followed.add(run.id());
            run.ended().whenComplete((record, error) -> followed.remove(run.id()));
        }
    }

    /** A process of its own follows the run to its end, so that its container goes when it ends. */
    void followInBackground(String runId) {
        BackgroundFollowers.start(store.workspace(), runId, store.dir(runId).resolve("logs").resolve("follower.log"));
    }

    /** This process is about to exit: each run it still follows, once started, goes to a background follower. */
    void handOver() {
        for (RunRecord record : store.list()) {
            boolean started = record.containerId != null || !record.distributed().nodeContainerIds().isEmpty();
            if (record.isActive() && !record.detached && started && followed.contains(record.id)) {
                DetachedRunFollower.handOver(store, record.id);
                followInBackground(record.id);
            }
        }
    }
}
