package dev.amldebug.runner.run;

import com.github.dockerjava.api.model.Container;
import java.util.Optional;

/**
 * Cancels a run from any process: marks it, then stops its container (SIGTERM, then SIGKILL
 * after a grace period). Whoever follows the run records Canceled; if nobody does, this does.
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
        new ControlLog(store.controlLog(runId), RunListener.NONE).line("Cancel requested; stopping the container.");
        Optional<Container> container = containers.find(runId);
        container.ifPresent(c -> containers.stop(c.getId()));
        boolean someoneFollows = RunOwner.isAlive(record) && !RunOwner.isSelf(record);
        if (someoneFollows || RunOwner.isSelf(record)) {
            return store.read(runId);
        }
        RunFinisher finisher = new RunFinisher(store, containers);
        if (container.isEmpty()) {
            return finisher.fail(runId, "canceled before the container started");
        }
        return finisher.finishUnfollowed(runId, container.get().getId());
    }
}
