package dev.amldebug.runner.distributed;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.command.CreateContainerCmd;
import com.github.dockerjava.api.model.AccessMode;
import com.github.dockerjava.api.model.Bind;
import com.github.dockerjava.api.model.HostConfig;
import com.github.dockerjava.api.model.Volume;
import dev.amldebug.runner.UserCache;
import dev.amldebug.runner.debug.DebugOptions;
import dev.amldebug.runner.debug.DebugShim;
import dev.amldebug.runner.run.ContainerLabels;
import dev.amldebug.runner.run.ContainerRequest;
import dev.amldebug.runner.run.RunNetworks;
import dev.amldebug.runner.run.RunStore;
import dev.amldebug.runner.spec.ContainerPaths;
import dev.amldebug.runner.spec.RunSpec;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The container of one node of a distributed run: what a command run's container has (code snapshot, outputs,
 * inputs, environment, labels), on the run's network as {@code node-K}, running the launcher with the node's plan.
 * When ranks are debugged, the debug shim is mounted too, and the debug's extra hosts lead to where the debugger that
 * the shim dials listens.
 */
final class NodeContainer {

    private final RunSpec spec;
    private final String runId;
    private final RunStore store;
    private final RankDebug debug;

    NodeContainer(RunSpec spec, String runId, RunStore store, RankDebug debug) {
        this.spec = spec;
        this.runId = runId;
        this.store = store;
        this.debug = debug;
    }

    static String name(String runId, int nodeRank) {
        return ContainerLabels.containerName(runId) + "-" + RankEnvironment.host(nodeRank);
    }

    CreateContainerCmd toCommand(DockerClient docker, String image, int nodeRank) {
        ContainerRequest base = new ContainerRequest(spec, runId, store.workspace(), store.workingCopy(runId),
                store.outputs(runId), null);
        List<String> env = new ArrayList<>(base.environment());
        // The debug shim announces its run by this name to the debug hub.
        env.add("AML_DEBUG_RUN_ID=" + runId);
        env.add(NodePlan.VARIABLE + "=" + NodePlan.json(spec.distribution(), nodeRank, spec.command(), debug));
        Map<String, String> labels = new HashMap<>(base.labels());
        labels.put(ContainerLabels.NODE, Integer.toString(nodeRank));
        String host = RankEnvironment.host(nodeRank);
        CreateContainerCmd command = docker.createContainerCmd(image)
                .withName(name(runId, nodeRank))
                .withHostName(host)
                .withAliases(host)
                .withEntrypoint("")
                .withCmd(Launcher.command())
                .withWorkingDir(ContainerPaths.CODE)
                .withEnv(env)
                .withLabels(labels)
                .withHostConfig(hostConfig(base));
        base.hostUser().ifPresent(command::withUser);
        return command;
    }

    private HostConfig hostConfig(ContainerRequest base) {
        List<Bind> binds = new ArrayList<>(base.binds());
        binds.add(new Bind(Launcher.folder(UserCache.dir()).toString(), new Volume(Launcher.DIR), AccessMode.ro));
        binds.add(new Bind(store.userLogs(runId).toString(), new Volume(Launcher.LOGS_DIR), AccessMode.rw));
        binds.add(new Bind(store.rankExits(runId).toString(), new Volume(Launcher.EXITS_DIR), AccessMode.rw));
        // An init process passes SIGTERM on to the launcher, which stops the node's processes at once.
        HostConfig host = HostConfig.newHostConfig().withInit(true).withNetworkMode(RunNetworks.name(runId))
                .withShmSize(spec.shmSizeBytes()).withDeviceRequests(base.gpuRequests());
        if (debug != null) {
            binds.add(new Bind(DebugShim.folder(UserCache.dir()).toString(), new Volume(DebugOptions.SHIM_DIR),
                    AccessMode.ro));
            host.withExtraHosts(debug.extraHosts().toArray(String[]::new));
        }
        return host.withBinds(binds);
    }
}
