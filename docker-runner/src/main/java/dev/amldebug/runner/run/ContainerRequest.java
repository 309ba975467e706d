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
import dev.amldebug.runner.debug.DormantHook;
import dev.amldebug.runner.docker.ExtraLabels;
import dev.amldebug.runner.spec.ContainerPaths;
import dev.amldebug.runner.spec.InputMount;
import dev.amldebug.runner.spec.RunSpec;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import com.github.dockerjava.api.model.DeviceRequest;
import java.util.Optional;

/**
 * The container a run gets: a working copy of the code snapshot read-write as the working directory (the image's
 * entrypoint set aside, as Azure ML runs the job's command itself), inputs read-only,
 * the run's outputs folder read-write at ./outputs, the run's environment variables and
 * labels. A debug run is alone on its own network ({@link RunNetworks}) with debugpy published
 * on 127.0.0.1 only; a run that a debugger may join later ({@link DormantHook}) too, the port waiting for a request.
 * A distributed run's nodes take its parts.
 */
public final class ContainerRequest {
    static final ExposedPort DEBUG_PORT = ExposedPort.tcp(DebugOptions.CONTAINER_PORT);
    static final ExposedPort DORMANT_PORT = ExposedPort.tcp(DormantHook.PORT);

    private final RunSpec spec;
    private final String runId;
    private final Path workspace;
    private final Path workingCopy;
    private final Path outputs;
    private final DebugOptions debug;
    private final boolean dormant;

    /**
     * @param workingCopy the run's working copy of its code snapshot ({@link RunStore#workingCopy}), mounted read-write
     * @param debug       null for a plain run; otherwise the script runs under the debug shim
     */
    public ContainerRequest(RunSpec spec, String runId, Path workspace, Path workingCopy, Path outputs,
                            DebugOptions debug) {
        this(spec, runId, workspace, workingCopy, outputs, debug, false);
    }

    /** @param dormant a run not under the shim gets the dormant hook, so that a debugger can join it later */
    ContainerRequest(RunSpec spec, String runId, Path workspace, Path workingCopy, Path outputs, DebugOptions debug,
                     boolean dormant) {
        this.dormant = dormant && debug == null;
        this.spec = spec;
        this.runId = runId;
        this.workspace = workspace;
        this.workingCopy = workingCopy;
        this.outputs = outputs;
        this.debug = debug;
    }

    CreateContainerCmd toCommand(DockerClient docker, String image) {
        CreateContainerCmd command = docker.createContainerCmd(image)
                .withName(ContainerLabels.containerName(runId))
                .withEntrypoint("")
                .withCmd(debug == null ? spec.command() : CommandWrapper.wrap(spec.command(), debug))
                .withWorkingDir(ContainerPaths.CODE)
                .withEnv(dormant ? dormantEnvironment(docker, image) : environment())
                .withLabels(labels())
                // An init process forwards SIGTERM to the script, so a cancel stops it at once.
                .withHostConfig(hostConfig());
        if (publishesDebugPort()) {
            command.withExposedPorts(debugPort());
        }
        hostUser().ifPresent(command::withUser);
        return command;
    }

    private HostConfig hostConfig() {
        HostConfig host = HostConfig.newHostConfig().withBinds(binds()).withInit(true).withShmSize(spec.shmSizeBytes())
                .withDeviceRequests(gpuRequests());
        if (publishesDebugPort()) {
            host.withNetworkMode(RunNetworks.name(runId));
            // Loopback only, at a port Docker picks: nobody else on the network reaches the debugger.
            Ports ports = new Ports();
            ports.bind(debugPort(), Ports.Binding.bindIp("127.0.0.1"));
            host.withPortBindings(ports);
        }
        return host;
    }

    /** Whether the container has its own network and a loopback port for debugpy, now or on request. */
    boolean publishesDebugPort() {
        return debug != null || dormant;
    }

    private ExposedPort debugPort() {
        return dormant ? DORMANT_PORT : DEBUG_PORT;
    }

    /** The working copy of the code, outputs, inputs (and the shim of a debug run, or of one a debugger may join). */
    public List<Bind> binds() {
        List<Bind> binds = new ArrayList<>();
        binds.add(new Bind(workingCopy.toString(), new Volume(ContainerPaths.CODE), AccessMode.rw));
        binds.add(new Bind(outputs.toString(), new Volume(ContainerPaths.OUTPUTS), AccessMode.rw));
        binds.add(new Bind(mlruns().toString(), new Volume(ContainerPaths.MLRUNS), AccessMode.rw));
        if (publishesDebugPort()) {
            binds.add(new Bind(DebugShim.folder(UserCache.dir()).toString(), new Volume(DebugOptions.SHIM_DIR), AccessMode.ro));
        }
        for (InputMount input : spec.inputs()) {
            binds.add(new Bind(input.hostPath().toString(), new Volume(input.containerPath()), AccessMode.ro));
        }
        return binds;
    }

    /** Every process of the run gets these, as NAME=value. */
    public List<String> environment() {
        Map<String, String> env = new LinkedHashMap<>();
        // Without this, Python buffers stdout in a container and the driver log would not be live.
        env.put("PYTHONUNBUFFERED", "1");
        env.putAll(spec.environmentVariables());
        env.put("AZUREML_RUN_ID", runId);
        env.put("AZUREML_EXPERIMENT_NAME", spec.experimentName());
        // The debug shim's notice for an image without debugpy says what fits a local run.
        env.put("AML_DEBUG_LOCAL", "1");
        // As on Azure ML, MLflow logs to the run: here a file store in the run's folder.
        env.putIfAbsent("MLFLOW_TRACKING_URI", "file://" + ContainerPaths.MLRUNS);
        env.putIfAbsent("MLFLOW_EXPERIMENT_NAME", spec.experimentName());
        if (hostUser().isPresent()) {
            env.putIfAbsent("HOME", "/tmp");
        }
        return env.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue()).toList();
    }

    /**
     * The run's variables and the dormant hook's. The hook's folder goes before the {@code PYTHONPATH} the script
     * would have had: the job's, else the image's (which a container's own variable would otherwise hide).
     */
    private List<String> dormantEnvironment(DockerClient docker, String image) {
        String pythonPath = spec.environmentVariables().get("PYTHONPATH");
        if (pythonPath == null) {
            String[] imageEnv = docker.inspectImageCmd(image).exec().getConfig().getEnv();
            pythonPath = imageEnv == null ? null : Arrays.stream(imageEnv).filter(e -> e.startsWith("PYTHONPATH="))
                    .map(e -> e.substring("PYTHONPATH=".length())).findFirst().orElse(null);
        }
        List<String> env = new ArrayList<>(environment().stream().filter(e -> !e.startsWith("PYTHONPATH=")).toList());
        DormantHook.environment(pythonPath).forEach((name, value) -> env.add(name + "=" + value));
        return env;
    }

    /** Every GPU of the engine, when the job asks for GPUs (Docker's --gpus all); else none. */
    public List<DeviceRequest> gpuRequests() {
        return spec.gpus() ? List.of(new DeviceRequest().withCount(-1)
                .withCapabilities(List.of(List.of("gpu")))) : List.of();
    }

    /** The run's MLflow store: beside its outputs, in the run's folder. */
    private Path mlruns() {
        return outputs.resolveSibling("mlruns");
    }

    public Map<String, String> labels() {
        return ExtraLabels.with(Map.of(ContainerLabels.MANAGED, "true", ContainerLabels.RUN_ID, runId,
                ContainerLabels.WORKSPACE, workspace.toString(), ContainerLabels.EXPERIMENT, spec.experimentName()));
    }

    /** Outputs belong to the user who ran the job, not to root; root keeps the image's own user. */
    public Optional<String> hostUser() {
        try {
            int uid = (Integer) Files.getAttribute(outputs, "unix:uid");
            int gid = (Integer) Files.getAttribute(outputs, "unix:gid");
            return uid == 0 ? Optional.empty() : Optional.of(uid + ":" + gid);
        } catch (IOException | UnsupportedOperationException e) {
            return Optional.empty();
        }
    }
}
