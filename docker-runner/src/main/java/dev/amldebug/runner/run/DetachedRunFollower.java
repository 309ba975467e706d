package dev.amldebug.runner.run;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.exception.NotFoundException;
import com.github.dockerjava.api.model.Container;
import java.util.List;
import java.util.Optional;
import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * Follows a run that nobody else follows (detached, or handed over by a process that exits) to
 * its end, from a process of its own: records the end, keeps the container's whole log in the
 * run store, and removes the container and its network, even if nobody ever looks again.
 */
public final class DetachedRunFollower {
    private final DockerClient docker;
    private final RunStore store;

    public DetachedRunFollower(DockerClient docker, RunStore store) {
        this.docker = docker;
        this.store = store;
    }

    /** Blocks until the run's container has exited; a run that already ended is left as it is. */
    public RunRecord follow(String runId) throws InterruptedException {
        RunRecord record = store.update(runId, r -> {
            if (r.isActive()) {
                RunOwner.claim(r);
            }
        });
        if (!record.isActive()) {
            return record;
        }
        RunContainers containers = new RunContainers(docker);
        RunFinisher finisher = new RunFinisher(store, containers);
        if (record.kind == RunKind.distributed) {
            return followNodes(runId, containers, finisher);
        }
        Optional<Container> container = containers.find(runId);
        if (container.isEmpty()) {
            return finisher.fail(runId, "its container is gone");
        }
        try (PostMortemLines postMortems = docker.logContainerCmd(container.get().getId()).withStdOut(true)
                .withStdErr(true).withFollowStream(true).exec(new PostMortemLines(store, runId))) {
            docker.waitContainerCmd(container.get().getId()).start().awaitStatusCode();
        } catch (NotFoundException e) {
            return finisher.fail(runId, "its container was removed by someone else");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot stop reading the output of run " + runId, e);
        }
        RunRecord ended = finisher.finishUnfollowed(runId, List.of(container.get()));
        new ControlLog(store.controlLog(runId), RunListener.NONE).line("Container exited with code " + ended.exitCode
                + "; run " + ended.status + " (recorded in the background).");
        return ended;
    }

    /** A distributed run's nodes: the first that fails stops the others, as when the run is followed live. */
    private RunRecord followNodes(String runId, RunContainers containers, RunFinisher finisher)
            throws InterruptedException {
        List<Container> nodes = containers.findAll(runId);
        if (nodes.isEmpty()) {
            return finisher.fail(runId, "its containers are gone");
        }
        ControlLog log = new ControlLog(store.controlLog(runId), RunListener.NONE);
        new NodeWatch(docker).await(nodes.stream().map(Container::getId).toList(), log);
        RunRecord ended = finisher.finishUnfollowed(runId, containers.findAll(runId));
        log.line("Every node exited; run " + ended.status + " (recorded in the background).");
        return ended;
    }

    /** Gives a run up for another process to follow: its owner is then nobody, until that process claims it. */
    public static void handOver(RunStore store, String runId) {
        store.update(runId, r -> {
            if (r.isActive()) {
                r.detached = true;
                r.ownerPid = null;
                r.ownerStartedAt = null;
            }
        });
    }
}
