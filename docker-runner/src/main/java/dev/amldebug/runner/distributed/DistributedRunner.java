package dev.amldebug.runner.distributed;

import com.github.dockerjava.api.DockerClient;
import dev.amldebug.runner.image.ImageRef;
import dev.amldebug.runner.image.ImageUsage;
import dev.amldebug.runner.run.CodeSnapshot;
import dev.amldebug.runner.run.ContainerFollower;
import dev.amldebug.runner.run.ContainerStart;
import dev.amldebug.runner.run.ControlLog;
import dev.amldebug.runner.run.DriverLogStream;
import dev.amldebug.runner.run.ImageUser;
import dev.amldebug.runner.run.LocalRun;
import dev.amldebug.runner.run.NodeWatch;
import dev.amldebug.runner.run.RunFinisher;
import dev.amldebug.runner.run.RunListener;
import dev.amldebug.runner.run.RunNetworks;
import dev.amldebug.runner.run.RunRecord;
import dev.amldebug.runner.run.RunStart;
import dev.amldebug.runner.run.RunStatus;
import dev.amldebug.runner.run.RunStore;
import dev.amldebug.runner.spec.Distribution;
import dev.amldebug.runner.spec.RunSpec;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Starts a distributed run queued by {@code LocalRunner.queue}: the image (as for any run), then a network of the
 * run's own and a container per node on it, each running the launcher with its share of the ranks. The returned
 * run follows the nodes to their end ({@link NodeWatch}).
 */
public final class DistributedRunner {
    private final DockerClient docker;
    private final RunStore store;
    private final ImageUsage usage;

    public DistributedRunner(DockerClient docker, RunStore store, ImageUsage usage) {
        this.docker = docker;
        this.store = store;
        this.usage = usage;
    }

    /**
     * @param detach leave the nodes to themselves once they started
     * @param debug  the ranks to run under a debugger, or null for none
     */
    public LocalRun start(String runId, RunSpec spec, boolean detach, RankDebug debug, RunListener listener) {
        return new RunStart(docker, store, usage).start(runId, spec, listener,
                (image, log, finisher) -> startNodes(runId, spec, image, detach, debug, log, listener, finisher),
                LocalRun::ended);
    }

    private LocalRun startNodes(String runId, RunSpec spec, ImageRef image, boolean detach, RankDebug debug,
                                      ControlLog log, RunListener listener, RunFinisher finisher) {
        Distribution distribution = spec.distribution();
        CodeSnapshot.take(spec.codeDir(), store.snapshot(runId));
        CodeSnapshot.workingCopy(store.snapshot(runId), store.workingCopy(runId));
        createFolders(runId);
        new ImageUser(docker).handOver(image.tag(), List.of(store.workingCopy(runId), store.outputs(runId),
                store.mlruns(runId), store.userLogs(runId), store.rankExits(runId)));
        new RunNetworks(docker).createForNodes(runId, store.workspace());
        NodeContainer nodes = new NodeContainer(spec, runId, store, debug);
        List<String> containerIds = new ArrayList<>();
        for (int node = 0; node < distribution.nodes(); node++) {
            containerIds.add(nodes.toCommand(docker, image.tag(), node).exec().getId());
        }
        List<DriverLogStream> outputs = new ArrayList<>();
        for (String containerId : containerIds) {
            DriverLogStream output = detach ? null : new DriverLogStream(runId, store.driverLog(runId), listener);
            ContainerStart.start(docker, containerId);
            if (output != null) {
                docker.logContainerCmd(containerId).withStdOut(true).withStdErr(true).withFollowStream(true).exec(output);
                outputs.add(output);
            }
        }
        RunRecord running = store.update(runId, r -> {
            r.status = RunStatus.Running;
            r.startedAt = Instant.now();
            r.image = image.tag();
            r.distributed().setNodeContainerIds(containerIds);
            if (detach) {
                r.detached = true;
                r.ownerPid = null;
                r.ownerStartedAt = null;
            }
        });
        log.line("Started " + distribution.nodes() + " node containers from " + image.tag() + ", "
                + distribution.worldSize() + " processes in all (" + distribution.type() + "); each rank's log is in "
                + store.userLogs(runId) + (debug == null ? "" : "; debugging ranks " + debug.ranks())
                + (detach ? " (detached)" : ""));
        listener.statusChanged(running);
        return new LocalRun(running, detach ? null : new ContainerFollower(
                () -> new NodeWatch(docker).await(containerIds, log), outputs, exitCode -> {
                    RunRecord ended = finisher.finishNodes(runId, containerIds, exitCode);
                    log.line("Every node exited; run " + ended.status + (ended.error == null ? "." : ": " + ended.error));
                    return ended;
                }, listener));
    }

    private void createFolders(String runId) {
        try {
            Files.createDirectories(store.userLogs(runId));
            Files.createDirectories(store.rankExits(runId));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the log folders of run " + runId, e);
        }
    }
}
