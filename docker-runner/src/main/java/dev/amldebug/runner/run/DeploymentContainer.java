package dev.amldebug.runner.run;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.command.CreateContainerCmd;
import com.github.dockerjava.api.model.AccessMode;
import com.github.dockerjava.api.model.Bind;
import com.github.dockerjava.api.model.ExposedPort;
import com.github.dockerjava.api.model.HostConfig;
import com.github.dockerjava.api.model.Ports;
import com.github.dockerjava.api.model.Volume;
import dev.amldebug.runner.UserCache;
import dev.amldebug.runner.debug.CommandWrapper;
import dev.amldebug.runner.debug.DebugOptions;
import dev.amldebug.runner.debug.DebugShim;
import dev.amldebug.runner.deploy.DeploymentSpec;
import dev.amldebug.runner.deploy.ScoringServer;
import dev.amldebug.runner.docker.ExtraLabels;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The inference container of a deployment, with Azure ML's layout: the app (a snapshot of the
 * scoring script's folder) read-only at /var/azureml-app, the model read-only under its
 * azureml-models folder, our scoring server on 5001 published on 127.0.0.1 at the chosen port,
 * and port 5678 (our debug shim's debugpy, or the script's own) on 127.0.0.1 at a free port.
 * Alone on its own network.
 */
final class DeploymentContainer {
    static final ExposedPort SCORING = ExposedPort.tcp(ScoringServer.PORT);

    private final DeploymentSpec spec;
    private final String runId;
    private final Path workspace;
    private final Path snapshot;
    private final int hostPort;
    private final DebugOptions debug;

    DeploymentContainer(DeploymentSpec spec, String runId, Path workspace, Path snapshot, int hostPort, DebugOptions debug) {
        this.spec = spec;
        this.runId = runId;
        this.workspace = workspace;
        this.snapshot = snapshot;
        this.hostPort = hostPort;
        this.debug = debug;
    }

    CreateContainerCmd toCommand(DockerClient docker, String image) {
        List<String> server = ScoringServer.command();
        CreateContainerCmd command = docker.createContainerCmd(image)
                .withName(ContainerLabels.containerName(runId))
                .withEntrypoint("")
                .withCmd(debug == null ? server : CommandWrapper.wrap(server, debug))
                .withWorkingDir(ScoringServer.APP_ROOT)
                .withEnv(environment())
                .withLabels(ExtraLabels.with(Map.of(ContainerLabels.MANAGED, "true", ContainerLabels.RUN_ID, runId,
                        ContainerLabels.WORKSPACE, workspace.toString(), ContainerLabels.EXPERIMENT, spec.name())))
                .withExposedPorts(SCORING, ContainerRequest.DEBUG_PORT)
                .withHostConfig(HostConfig.newHostConfig().withBinds(binds()).withInit(true)
                        .withNetworkMode(RunNetworks.name(runId)).withPortBindings(ports()));
        return command;
    }

    private Ports ports() {
        Ports ports = new Ports();
        ports.bind(SCORING, Ports.Binding.bindIpAndPort("127.0.0.1", hostPort));
        // Without --debug too: the guide's way, a score.py that calls debugpy.listen(5678) itself, must be reachable.
        ports.bind(ContainerRequest.DEBUG_PORT, Ports.Binding.bindIp("127.0.0.1"));
        return ports;
    }

    private List<Bind> binds() {
        List<Bind> binds = new ArrayList<>();
        binds.add(new Bind(snapshot.toString(), new Volume(ScoringServer.APP_ROOT), AccessMode.ro));
        binds.add(new Bind(spec.model().path().toString(), new Volume(spec.model().containerPath()), AccessMode.ro));
        binds.add(new Bind(ScoringServer.folder(UserCache.dir()).toString(), new Volume(ScoringServer.DIR), AccessMode.ro));
        if (debug != null) {
            binds.add(new Bind(DebugShim.folder(UserCache.dir()).toString(), new Volume(DebugOptions.SHIM_DIR), AccessMode.ro));
        }
        return binds;
    }

    private List<String> environment() {
        Map<String, String> env = new LinkedHashMap<>();
        env.put("PYTHONUNBUFFERED", "1");
        env.putAll(spec.environmentVariables());
        env.put("AML_APP_ROOT", ScoringServer.APP_ROOT);
        env.put("AZUREML_ENTRY_SCRIPT", spec.scoringScript());
        env.put("AZUREML_MODEL_DIR", spec.model().containerDir());
        env.putAll(spec.requestSettings().environment());
        env.put("AZUREML_RUN_ID", runId);
        env.put("AML_DEBUG_LOCAL", "1");
        return env.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue()).toList();
    }
}
