package dev.amldebug.runner.run;

import com.github.dockerjava.api.model.Container;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/** Records the end of a run: status from the exit code (or Canceled when asked), times, then removes the container. */
public final class RunFinisher {
    private final RunStore store;
    private final RunContainers containers;

    public RunFinisher(RunStore store, RunContainers containers) {
        this.store = store;
        this.containers = containers;
    }

    RunRecord finish(String runId, String containerId, int exitCode) {
        try {
            return record(runId, exitCode);
        } finally {
            // Even when the record cannot be written (a full disk), the container and the network go.
            if (containerId != null) {
                containers.remove(containerId);
            }
            containers.removeNetwork(runId);
        }
    }

    private RunRecord record(String runId, int exitCode) {
        return store.update(runId, r -> {
            r.exitCode = exitCode;
            r.endedAt = Instant.now();
            r.status = r.cancelRequested ? RunStatus.Canceled : exitCode == 0 ? RunStatus.Completed : RunStatus.Failed;
            if (r.kind == RunKind.deployment) {
                // A deployment never completes: it is brought down, or it fails.
                r.status = r.cancelRequested ? RunStatus.Canceled : RunStatus.Failed;
                r.deployment().setHealth(r.cancelRequested ? DeploymentHealth.Stopped : DeploymentHealth.Failed);
            }
            disown(r);
        });
    }

    /**
     * Ends a distributed run whose node containers all exited: Completed when every node exited 0, else Failed
     * naming the rank that failed first (its exit code, its last line), or Canceled when asked.
     *
     * @param nodeExitCode the first non-zero exit code of a node, or 0
     */
    public RunRecord finishNodes(String runId, List<String> containerIds, int nodeExitCode) {
        Optional<RankExits.Exit> first = RankExits.read(store.rankExits(runId)).firstFailure();
        RunRecord record = store.update(runId, r -> {
            r.endedAt = Instant.now();
            r.status = r.cancelRequested ? RunStatus.Canceled
                    : nodeExitCode == 0 && first.isEmpty() ? RunStatus.Completed : RunStatus.Failed;
            r.exitCode = first.map(RankExits.Exit::exitCode).orElse(nodeExitCode);
            r.distributed().setFailedRank(first.map(RankExits.Exit::rank).orElse(null));
            if (first.isPresent() && !r.cancelRequested) {
                r.error = "rank " + first.get().rank() + " failed first, with exit code " + first.get().exitCode()
                        + (first.get().lastLine() == null ? "" : ": " + first.get().lastLine());
            } else if (r.status == RunStatus.Failed) {
                r.error = "a node exited with code " + nodeExitCode + " before its processes ended; see "
                        + RunStore.DRIVER_LOG;
            }
            disown(r);
        });
        containerIds.forEach(containers::remove);
        containers.removeNetwork(runId);
        return record;
    }

    /**
     * Ends a run that no process followed to its end (detached, or its process died): the
     * containers' whole output replaces the driver log, which may hold only a part of it.
     */
    RunRecord finishUnfollowed(String runId, List<Container> found) throws InterruptedException {
        boolean diskFull = false;
        try (OutputStream out = Files.newOutputStream(store.driverLog(runId))) {
            for (Container container : found) {
                out.write(containers.logs(container.getId()));
            }
        } catch (IOException e) {
            if (!DiskSpace.isFull(e)) {
                throw new UncheckedIOException("cannot write " + store.driverLog(runId), e);
            }
            diskFull = true;
            DiskSpace.makeRoom(store.driverLog(runId));
        }
        // It ended when the container stopped, not now that someone noticed.
        Instant stopped = found.stream().map(c -> containers.finishedAt(c.getId())).filter(Objects::nonNull)
                .max(Instant::compareTo).orElse(null);
        List<String> ids = found.stream().map(Container::getId).toList();
        int exitCode = ids.stream().mapToInt(containers::exitCode).filter(code -> code != 0).findFirst().orElse(0);
        RunRecord record = store.read(runId).kind == RunKind.distributed ? finishNodes(runId, ids, exitCode)
                : finish(runId, ids.get(0), containers.exitCode(ids.get(0)));
        boolean full = diskFull;
        return stopped == null && !full ? record : store.update(runId, r -> {
            r.endedAt = stopped == null ? r.endedAt : stopped;
            if (full) {
                r.status = RunStatus.Failed;
                r.error = DiskSpace.sentence(store.dir(runId).getParent());
            }
        });
    }

    public RunRecord fail(String runId, String error) {
        // A run that failed to start may have containers already: they would never be looked at again.
        containers.findAll(runId).forEach(container -> containers.remove(container.getId()));
        containers.removeNetwork(runId);
        return store.update(runId, r -> {
            r.endedAt = Instant.now();
            r.status = r.cancelRequested ? RunStatus.Canceled : RunStatus.Failed;
            r.error = error;
            disown(r);
        });
    }

    private static void disown(RunRecord record) {
        record.ownerPid = null;
        record.ownerStartedAt = null;
    }
}
