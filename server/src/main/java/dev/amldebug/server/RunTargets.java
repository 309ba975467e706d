package dev.amldebug.server;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.exception.NotFoundException;
import dev.amldebug.bridge.BridgeTarget;
import dev.amldebug.bridge.PathMapping;
import dev.amldebug.runner.run.RunCanceller;
import dev.amldebug.runner.run.RunContainers;
import dev.amldebug.runner.run.RunRecord;
import dev.amldebug.runner.run.RunStore;
import dev.amldebug.runner.spec.ContainerPaths;
import java.time.Duration;
import java.util.List;
import java.util.OptionalInt;
import java.util.concurrent.TimeUnit;

/** The bridge target of a local debug run: its published debugpy, its code folder mapping, its container's fate. */
public final class RunTargets {
    /** debugpy starts within seconds of the container; this covers a slow machine. */
    static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(60);

    private final DockerClient docker;
    private final RunStore store;

    public RunTargets(DockerClient docker, RunStore store) {
        this.docker = docker;
        this.store = store;
    }

    public BridgeTarget forRun(String runId, boolean justMyCode) {
        RunRecord record = store.read(runId);
        if (!record.isActive()) {
            throw new IllegalArgumentException("Run " + runId + " has ended (" + record.status + "); there is nothing to"
                    + " attach to. Its logs: aml-debug runs logs " + runId);
        }
        if (record.debugEndpoint == null) {
            throw new IllegalArgumentException("Run " + runId + " was not started for debugging. Start it with"
                    + " 'aml-debug run ... --debug' to attach a debugger.");
        }
        int colon = record.debugEndpoint.lastIndexOf(':');
        String host = record.debugEndpoint.substring(0, colon);
        int port = Integer.parseInt(record.debugEndpoint.substring(colon + 1));
        List<PathMapping> mappings = List.of(new PathMapping(record.codeDir, ContainerPaths.CODE));
        return new BridgeTarget(host, port, mappings, justMyCode, CONNECT_TIMEOUT,
                () -> exitCode(record), () -> cancel(runId));
    }

    /** The container's exit code; if the run's owner already removed it, the one it recorded. */
    private OptionalInt exitCode(RunRecord record) {
        try {
            Integer code = docker.waitContainerCmd(record.containerId).start().awaitStatusCode(10, TimeUnit.SECONDS);
            return code == null ? OptionalInt.empty() : OptionalInt.of(code);
        } catch (NotFoundException e) {
            Integer recorded = store.read(record.id).exitCode;
            return recorded == null ? OptionalInt.empty() : OptionalInt.of(recorded);
        } catch (RuntimeException e) {
            return OptionalInt.empty();
        }
    }

    private void cancel(String runId) {
        try {
            new RunCanceller(store, new RunContainers(docker)).cancel(runId);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
