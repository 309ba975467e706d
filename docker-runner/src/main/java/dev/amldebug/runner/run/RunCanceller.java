package dev.amldebug.runner.run;

import com.github.dockerjava.api.model.Container;
import java.util.List;

/**
 * Cancels a run from any process: marks it, then stops its container, or every node's container of a distributed
 * run (SIGTERM, then SIGKILL after a grace period). Whoever follows the run records Canceled; if nobody does, this does.
 * Logs and outputs are kept.
 */
public final class RunCanceller {
    private final RunStore store;
    private final RunContainers containers;

    public RunCanceller(RunStore store, RunContainers containers) {
        this.store = store;
        this.containers = containers;
    }

    /** @return the run's record after the cancel request; a run that already ended is returned unchanged */
    public RunRecord cancel(String runId) throws InterruptedException {
        RunRecord record = store.update(runId, r -> {
            if (r.isActive()) {
                r.cancelRequested = true;
            }
        });
        if (!record.isActive()) {
            return record;
        }
        new ControlLog(store.controlLog(runId), RunListener.NONE).line("Cancel requested; stopping the container"
                + (record.kind == RunKind.distributed ? "s of every node." : "."));
        List<Container> found = containers.findAll(runId);
        containers.stopAll(found.stream().map(Container::getId).toList());
        boolean someoneFollows = RunOwner.isAlive(record) && !RunOwner.isSelf(record);
        if (someoneFollows || RunOwner.isSelf(record)) {
            return store.read(runId);
        }
        RunFinisher finisher = new RunFinisher(store, containers);
        if (found.isEmpty()) {
            return finisher.fail(runId, "canceled before the container started");
        }
        return finisher.finishUnfollowed(runId, found);
    }
}
