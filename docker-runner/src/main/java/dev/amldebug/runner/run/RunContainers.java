package dev.amldebug.runner.run;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.async.ResultCallback;
import com.github.dockerjava.api.exception.ConflictException;
import com.github.dockerjava.api.exception.NotFoundException;
import com.github.dockerjava.api.exception.NotModifiedException;
import com.github.dockerjava.api.model.Container;
import com.github.dockerjava.api.model.Frame;
import java.io.ByteArrayOutputStream;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Comparator;

/** Finds, stops, reads and removes the container of a run. */
public final class RunContainers {
    /** Seconds between SIGTERM and SIGKILL when a run is cancelled. */
    static final int STOP_GRACE_SECONDS = 10;

    private final DockerClient docker;

    public RunContainers(DockerClient docker) {
        this.docker = docker;
    }

    public Optional<Container> find(String runId) {
        return findAll(runId).stream().findFirst();
    }

    /** Every container of the run: one, or a distributed run's nodes (by name, so node 0 first). */
    public List<Container> findAll(String runId) {
        return docker.listContainersCmd().withShowAll(true).withLabelFilter(Map.of(ContainerLabels.RUN_ID, runId))
                .exec().stream().sorted(Comparator.comparing(c -> c.getNames()[0])).toList();
    }

    public static boolean isRunning(Container container) {
        return "running".equals(container.getState()) || "created".equals(container.getState());
    }

    /** SIGTERM, then SIGKILL after the grace period. */
    public void stop(String containerId) {
        try {
            docker.stopContainerCmd(containerId).withTimeout(STOP_GRACE_SECONDS).exec();
        } catch (NotModifiedException | NotFoundException e) {
            // Already stopped or gone: cancelling has nothing left to do.
        }
    }

    /**
     * Stops several containers at once: SIGTERM to all of them first, so that none waits for another's grace
     * period, then SIGKILL to any still running after it.
     */
    public void stopAll(List<String> containerIds) {
        for (String id : containerIds) {
            try {
                docker.killContainerCmd(id).withSignal("SIGTERM").exec();
            } catch (NotFoundException | ConflictException e) {
                // Not running (any more): nothing to signal.
            }
        }
        containerIds.forEach(this::stop);
    }

    /** When the container stopped, from Docker's record; null when Docker does not say. */
    public Instant finishedAt(String containerId) {
        String finished = docker.inspectContainerCmd(containerId).exec().getState().getFinishedAt();
        try {
            return finished == null ? null : Instant.parse(finished);
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    public int exitCode(String containerId) {
        Long code = docker.inspectContainerCmd(containerId).exec().getState().getExitCodeLong();
        return code == null ? -1 : code.intValue();
    }

    /** Everything the container wrote, stdout and stderr interleaved as written. */
    public byte[] logs(String containerId) throws InterruptedException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        docker.logContainerCmd(containerId).withStdOut(true).withStdErr(true).withFollowStream(false)
                .exec(new ResultCallback.Adapter<Frame>() {
                    @Override
                    public void onNext(Frame frame) {
                        out.writeBytes(frame.getPayload());
                    }
                }).awaitCompletion();
        return out.toByteArray();
    }

    public void remove(String containerId) {
        try {
            docker.removeContainerCmd(containerId).withForce(true).exec();
        } catch (NotFoundException | ConflictException e) {
            // Removed already, or being removed, by another process that ended the same run.
        }
    }

    /** The run's network, once its container is gone. */
    public void removeNetwork(String runId) {
        new RunNetworks(docker).remove(runId);
    }
}
