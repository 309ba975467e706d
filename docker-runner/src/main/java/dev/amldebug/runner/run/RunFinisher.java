package dev.amldebug.runner.run;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.time.Instant;

/** Records the end of a run: status from the exit code (or Canceled when asked), times, then removes the container. */
final class RunFinisher {
    private final RunStore store;
    private final RunContainers containers;

    RunFinisher(RunStore store, RunContainers containers) {
        this.store = store;
        this.containers = containers;
    }

    RunRecord finish(String runId, String containerId, int exitCode) {
        RunRecord record = store.update(runId, r -> {
            r.exitCode = exitCode;
            r.endedAt = Instant.now();
            r.status = r.cancelRequested ? RunStatus.Canceled : exitCode == 0 ? RunStatus.Completed : RunStatus.Failed;
            if (r.kind == RunKind.deployment) {
                // A deployment never completes: it is brought down, or it fails.
                r.status = r.cancelRequested ? RunStatus.Canceled : RunStatus.Failed;
                r.health = r.cancelRequested ? DeploymentHealth.Stopped : DeploymentHealth.Failed;
            }
            r.ownerPid = null;
            r.ownerStartedAt = null;
        });
        if (containerId != null) {
            containers.remove(containerId);
        }
        containers.removeNetwork(runId);
        return record;
    }

    /**
     * Ends a run that no process followed to its end (detached, or its process died): the
     * container's whole output replaces the driver log, which may hold only a part of it.
     */
    RunRecord finishUnfollowed(String runId, String containerId) throws InterruptedException {
        try {
            Files.write(store.driverLog(runId), containers.logs(containerId));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + store.driverLog(runId), e);
        }
        // It ended when the container stopped, not now that someone noticed.
        Instant stopped = containers.finishedAt(containerId);
        RunRecord record = finish(runId, containerId, containers.exitCode(containerId));
        return stopped == null ? record : store.update(runId, r -> r.endedAt = stopped);
    }

    RunRecord fail(String runId, String error) {
        // A run that failed to start may have a container already: it would never be looked at again.
        containers.find(runId).ifPresent(container -> containers.remove(container.getId()));
        containers.removeNetwork(runId);
        return store.update(runId, r -> {
            r.endedAt = Instant.now();
            r.status = r.cancelRequested ? RunStatus.Canceled : RunStatus.Failed;
            r.error = error;
            r.ownerPid = null;
            r.ownerStartedAt = null;
        });
    }
}
