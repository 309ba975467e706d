package dev.amldebug.server.run;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.exception.NotFoundException;
import dev.amldebug.bridge.target.BridgeTarget;
import dev.amldebug.bridge.target.PathMapping;
import dev.amldebug.errors.AmlDebugException;
import dev.amldebug.runner.debug.DebuggerWake;
import dev.amldebug.runner.deploy.ScoringServer;
import dev.amldebug.runner.run.RunKind;
import dev.amldebug.runner.run.RunRecord;
import dev.amldebug.runner.run.RunStore;
import dev.amldebug.runner.spec.ContainerPaths;
import java.time.Duration;
import java.util.List;
import java.util.OptionalInt;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.Supplier;

/** The bridge target of a local debug run: its published debugpy, its code folder mapping, its container's fate. */
final class RunTargets {
    /** debugpy starts within seconds of the container; this covers a slow machine. */
    static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(60);
    /** The attach argument that names the run: ours, not debugpy's. */
    static final Set<String> OWN_KEYS = Set.of("runId", "workspace");

    private final Supplier<DockerClient> docker;
    private final RunStore store;
    private final Consumer<String> cancel;

    RunTargets(Supplier<DockerClient> docker, RunStore store, Consumer<String> cancel) {
        this.docker = docker;
        this.store = store;
        this.cancel = cancel;
    }

    BridgeTarget forRun(String runId, boolean justMyCode) {
        RunRecord read = store.read(runId);
        if (!read.isActive()) {
            throw AmlDebugException.badInput("Run " + runId + " has ended (" + read.status + "); there is nothing to"
                    + " attach to. Its logs: aml-debug runs logs " + runId);
        }
        RunRecord record = read.debugEndpoint == null ? woken(read) : read;
        int colon = record.debugEndpoint.lastIndexOf(':');
        String host = record.debugEndpoint.substring(0, colon);
        int port = Integer.parseInt(record.debugEndpoint.substring(colon + 1));
        String remote = record.kind == RunKind.deployment ? ScoringServer.APP_ROOT : ContainerPaths.CODE;
        List<PathMapping> mappings = List.of(new PathMapping(record.codeDir, remote));
        return new BridgeTarget(host, port, mappings, justMyCode, CONNECT_TIMEOUT, OWN_KEYS,
                () -> exitCode(record), () -> cancel.accept(runId));
    }

    /** A run started without a debugger, once its dormant hook started debugpy; recorded as a debug run from then on. */
    private RunRecord woken(RunRecord record) {
        if (record.kind == RunKind.distributed) {
            throw AmlDebugException.badInput("Run " + record.id + " is a distributed run started without --debug, and a"
                    + " debugger joins only a single container's run later; start it with --debug to debug its ranks.");
        }
        if (record.kind == RunKind.pipeline) {
            throw AmlDebugException.badInput("Run " + record.id + " is a pipeline; attach to one of its steps (aml-debug"
                    + " runs show " + record.id + " lists them).");
        }
        if (record.kind == RunKind.deployment) {
            throw AmlDebugException.badInput("Deployment " + record.id + " was not started for debugging; bring it up"
                    + " with 'aml-debug deploy up ... --debug' to attach a debugger.");
        }
        if (record.attachEndpoint == null) {
            throw AmlDebugException.badInput("Run " + record.id + " was not started for debugging, and it began before"
                    + " this version of aml-debug could make runs a debugger joins later; start it with"
                    + " 'aml-debug run ... --debug' to attach a debugger.");
        }
        int colon = record.attachEndpoint.lastIndexOf(':');
        try {
            new DebuggerWake(record.id).wake(record.attachEndpoint.substring(0, colon),
                    Integer.parseInt(record.attachEndpoint.substring(colon + 1)));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw AmlDebugException.environment("Attaching to run " + record.id + " was interrupted; attach again.", e);
        }
        return store.update(record.id, r -> r.debugEndpoint = r.attachEndpoint);
    }

    /**
     * What a distributed run's ranks share, for the debug hub's parent session: the code folder mapping, the run's exit
     * code once it ended (its first failed rank's, or 0), and cancel. No debugpy of its own: each rank has one.
     */
    BridgeTarget forRanks(String runId, boolean justMyCode) {
        RunRecord record = store.read(runId);
        List<PathMapping> mappings = List.of(new PathMapping(record.codeDir, ContainerPaths.CODE));
        return new BridgeTarget("127.0.0.1", 1, mappings, justMyCode, CONNECT_TIMEOUT, OWN_KEYS, () -> {
            Integer recorded = store.read(runId).exitCode;
            return recorded == null ? OptionalInt.empty() : OptionalInt.of(recorded);
        }, () -> cancel.accept(runId));
    }

    /** The container's exit code; if the run's owner already removed it, the one it recorded. */
    private OptionalInt exitCode(RunRecord record) {
        try {
            Integer code = docker.get().waitContainerCmd(record.containerId).start().awaitStatusCode(10, TimeUnit.SECONDS);
            return code == null ? OptionalInt.empty() : OptionalInt.of(code);
        } catch (NotFoundException e) {
            Integer recorded = store.read(record.id).exitCode;
            return recorded == null ? OptionalInt.empty() : OptionalInt.of(recorded);
        } catch (RuntimeException e) {
            return OptionalInt.empty();
        }
    }
}
