package dev.amldebug.server.commands;

import dev.amldebug.azure.config.WorkspaceId;
import dev.amldebug.bridge.target.BridgeTarget;
import dev.amldebug.runner.debug.DebugOptions;
import dev.amldebug.server.azure.AzureAccess;
import dev.amldebug.server.azure.GuideAttach;
import dev.amldebug.server.debug.RemoteTargets;
import dev.amldebug.server.jobs.JobService;
import dev.amldebug.server.jobs.ReplayRequest;
import dev.amldebug.server.launch.LaunchConfigurations;
import dev.amldebug.server.run.FileArguments;
import dev.amldebug.server.run.RunRequest;
import dev.amldebug.server.run.RunService;
import dev.amldebug.server.tree.NodeId;
import dev.amldebug.server.tree.azure.AzureNodeIds;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;

/**
 * What the editor offers on an Azure ML job (or pipeline step) node: "Attach debugger" and "Add launch configuration"
 * on a running job whose script starts debugpy itself (the guide's path), "Replay locally" on a failed one.
 */
final class AzureJobCommands {
    /** Arguments of azureml.azure.attachJob and azureml.azure.addAttachConfiguration. */
    record Attach(String nodeId, Integer port, Boolean allowPublic, Integer timeout, Integer node, String localRoot,
                  Boolean justMyCode) {
    }

    /** Arguments of azureml.azure.replayJob. */
    record Replay(String nodeId, Boolean debug, Integer waitTimeout, Map<String, String> inputs) {
    }

    /** The id the editor attaches with: not a local run id, which never holds ':'. */
    static final String TARGET_PREFIX = "azure:";

    private final AzureAccess access;
    private final RunService runs;
    private final EditorClient editor;
    private final RemoteTargets targets;
    private final ExecutorService executor;

    AzureJobCommands(AzureAccess access, RunService runs, EditorClient editor, RemoteTargets targets,
                     ExecutorService executor) {
        this.executor = executor;
        this.access = access;
        this.runs = runs;
        this.editor = editor;
        this.targets = targets;
    }

    CommandRegistry registerOn(CommandRegistry registry) {
        return registry.register("azureml.azure.attachJob", this::attach)
                .register("azureml.azure.addAttachConfiguration", this::addConfiguration)
                .register("azureml.azure.replayJob", this::replay);
    }

    /** Waits for the guide's address in the job's log, makes it a debug target, and tells the editor to attach. */
    private Object attach(List<Object> arguments) {
        Attach args = Arguments.first(arguments, Attach.class);
        NodeId node = AzureCommands.node(arguments);
        String job = AzureNodeIds.jobOf(node);
        String address = address(node, job, args);
        int port = port(args);
        BridgeTarget target = GuideAttach.target(address, port, localRoot(args), Boolean.TRUE.equals(args.allowPublic()),
                Boolean.FALSE.equals(args.justMyCode()));
        String targetId = TARGET_PREFIX + job;
        targets.put(targetId, target);
        editor.azureJobDebugReady(targetId, target.address(), job);
        return Map.of("host", address, "port", port, "runId", targetId, "job", job);
    }

    /** The guide's launch configuration (a python attach) with the address from the job's log. */
    private Object addConfiguration(List<Object> arguments) throws Exception {
        Attach args = Arguments.first(arguments, Attach.class);
        NodeId node = AzureCommands.node(arguments);
        String address = address(node, AzureNodeIds.jobOf(node), args);
        int port = port(args);
        var request = new LaunchConfigurations.Request("remote", address, port, args.localRoot(),
                GuideAttach.GUIDE_REMOTE_ROOT, null, args.allowPublic());
        Map<String, Object> result = new LinkedHashMap<>(LaunchJsonEdits.apply(runs.workspace(), request, editor));
        result.put("host", address);
        result.put("port", port);
        return result;
    }

    /** Brings the job here (code, environment, inputs in the workspace storage) and starts it as a local run. */
    private Object replay(List<Object> arguments) {
        Replay args = Arguments.first(arguments, Replay.class);
        NodeId node = AzureCommands.node(arguments);
        String job = AzureNodeIds.jobOf(node);
        Map<String, Path> inputs = new LinkedHashMap<>();
        if (args.inputs() != null) {
            args.inputs().forEach((name, path) -> inputs.put(name, FileArguments.path(runs.workspace(), path)));
        }
        RunRequest request = jobs(node).replay(new ReplayRequest(job, null, inputs, null, (runId, name) ->
                "replay it in a terminal with a local copy: aml-debug azure replay " + runId + " --input " + name + "=PATH."),
                line -> { });
        String runId = runs.submit(request.withDebug(Boolean.TRUE.equals(args.debug())
                ? DebugOptions.waitingUpTo(args.waitTimeout()) : null), new DebugReady(editor)).id();
        return Map.of("runId", runId, "replayOf", request.replayOf());
    }

    private String address(NodeId node, String job, Attach args) {
        Duration timeout = args.timeout() == null ? GuideAttach.DEFAULT_TIMEOUT : Duration.ofSeconds(args.timeout());
        return jobs(node).guideAddress(job, null, args.node(), timeout, line -> { }).address();
    }

    /** The job service of the node's workspace, for this folder. */
    private JobService jobs(NodeId node) {
        WorkspaceId id = AzureNodeIds.workspaceOf(node);
        return new JobService(access.workspaceClient(id), id, runs.workspace(), executor);
    }

    private static int port(Attach args) {
        return args.port() == null ? GuideAttach.GUIDE_PORT : args.port();
    }

    /** The local folder that is the job's working directory: the workspace folder unless told otherwise. */
    private Path localRoot(Attach args) {
        return args.localRoot() == null || args.localRoot().isBlank() ? runs.workspace()
                : FileArguments.path(runs.workspace(), args.localRoot());
    }
}
