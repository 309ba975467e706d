package dev.amldebug.server.run;

import com.github.dockerjava.api.DockerClient;
import dev.amldebug.bridge.target.BridgeTarget;
import dev.amldebug.bridge.hub.DebugHub;
import dev.amldebug.bridge.hub.HubParent;
import dev.amldebug.bridge.hub.HubShim;
import dev.amldebug.errors.AmlDebugException;
import dev.amldebug.runner.debug.DebugOptions;
import dev.amldebug.runner.docker.HostRoute;
import dev.amldebug.runner.docker.HostRouteFinder;
import dev.amldebug.runner.distributed.RankDebug;
import dev.amldebug.runner.spec.RunSpec;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The debug hubs of the distributed runs this service debugs, by run id. A hub opens before the nodes start, where
 * the engine's containers reach this machine ({@link HostRouteFinder}), which the nodes dial as
 * {@code host.docker.internal}; each debugged rank's
 * Python runs the shim in connect mode with the hub's token in its environment. The hub closes when the run ends.
 * Other containers can reach that address too: the token, per run, is what keeps them out.
 */
final class RankHubs {
    private static final Pattern PYTHON = Pattern.compile("(^|[\\s;&|(/])(python[0-9.]*)(\\s|$)");

    private final Supplier<DockerClient> docker;
    private final Executor executor;
    private final Map<String, DebugHub> hubs = new ConcurrentHashMap<>();
    private final Map<String, Map<Integer, Instant>> joins = new ConcurrentHashMap<>();

    RankHubs(Supplier<DockerClient> docker, Executor executor) {
        this.docker = docker;
        this.executor = executor;
    }

    /** Opens the run's hub; the ranks to debug (empty: all) then dial it. */
    RankDebug open(String runId, RunSpec spec, DebugOptions options, Set<Integer> ranks) {
        HostRoute route = new HostRouteFinder(docker.get()).find();
        DebugHub hub;
        try {
            hub = DebugHub.start(route.listen(), 0, executor);
        } catch (IOException e) {
            throw AmlDebugException.environment("Could not open the debug hub for run " + runId + " at "
                    + route.listen().getHostAddress() + " (" + route.how() + "): " + e.getMessage() + ". Set "
                    + HostRouteFinder.VARIABLE + " to an address of this machine that containers reach.", e);
        }
        hubs.put(runId, hub);
        Map<Integer, Instant> joined = joins.computeIfAbsent(runId, id -> new ConcurrentHashMap<>());
        hub.addListener(debuggee -> {
            if (debuggee.rank() != null) {
                joined.putIfAbsent(debuggee.rank(), Instant.now());
            }
        });
        List<String> prefix = new ArrayList<>(List.of(interpreter(spec.command()), DebugOptions.SHIM));
        prefix.addAll(List.of(options.connectArguments(HostRoute.HOST_NAME + ":" + hub.address().getPort())));
        prefix.add("--");
        Set<Integer> chosen = new LinkedHashSet<>(ranks);
        if (chosen.isEmpty()) {
            for (int rank = 0; rank < spec.distribution().worldSize(); rank++) {
                chosen.add(rank);
            }
        }
        return new RankDebug(chosen, prefix, HubShim.environment(hub), route.extraHost().stream().toList());
    }

    /** When each rank dialled the run's hub (empty for a run this process did not debug). */
    Map<Integer, Instant> joins(String runId) {
        return Map.copyOf(joins.getOrDefault(runId, Map.of()));
    }

    Optional<DebugHub> of(String runId) {
        return Optional.ofNullable(hubs.get(runId));
    }

    /** The run's parent debug target: a client that answers startDebugging gets a child session per rank. */
    Optional<BridgeTarget> parentTarget(String runId, BridgeTarget run) {
        return of(runId).map(hub -> HubParent.target(hub, run, executor));
    }

    void close(String runId) {
        DebugHub hub = hubs.remove(runId);
        if (hub != null) {
            hub.close();
        }
    }

    /** The job's own Python (python, python3, python3.11), so the debugged ranks run the same interpreter. */
    private static String interpreter(List<String> command) {
        Matcher matcher = PYTHON.matcher(String.join(" ", command));
        return matcher.find() ? matcher.group(2) : "python";
    }
}
