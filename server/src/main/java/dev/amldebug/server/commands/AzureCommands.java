package dev.amldebug.server.commands;

import dev.amldebug.azure.Compute;
import dev.amldebug.azure.Job;
import dev.amldebug.azure.Page;
import dev.amldebug.azure.WorkspaceClient;
import dev.amldebug.azure.config.WorkspaceFlags;
import dev.amldebug.azure.config.WorkspaceId;
import dev.amldebug.errors.AmlDebugException;
import dev.amldebug.runner.debug.DebugOptions;
import dev.amldebug.server.azure.AzureAccess;
import dev.amldebug.server.azure.PipelineJobBody;
import dev.amldebug.server.azure.WorkspaceSelection;
import dev.amldebug.server.jobs.JobRequest;
import dev.amldebug.server.jobs.JobService;
import dev.amldebug.server.jobs.SubmittedJob;
import dev.amldebug.server.debug.RemoteTargets;
import dev.amldebug.server.run.FileArguments;
import dev.amldebug.server.tree.NodeId;
import dev.amldebug.server.tree.azure.AzureNodeIds;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;

/** The azureml.azure.* commands: sign in ({@link AzureSignInCommands}), submit to a compute, cancel, open in Studio. */
final class AzureCommands {
    record NodeArgs(String nodeId) {
    }

    record Submit(String config, String compute, String workspaceId, String experiment, List<String> debugSteps,
                  Boolean debug, Integer waitTimeout, Boolean installDebugpy, Boolean allowPublic, Boolean justMyCode,
                  Integer watchTimeout, Boolean postMortem, Integer postMortemTimeout, String connectBack) {
        JobRequest request(Path file) {
            Integer postMortemSeconds = !Boolean.TRUE.equals(postMortem) ? null
                    : postMortemTimeout == null ? DebugOptions.DEFAULT_POST_MORTEM_SECONDS : postMortemTimeout;
            return new JobRequest(file, compute, experiment, debugSteps == null ? Set.of() : new LinkedHashSet<>(debugSteps),
                    Boolean.TRUE.equals(debug), waitTimeout, false, postMortemSeconds, Boolean.TRUE.equals(installDebugpy),
                    connectBack, true,
                    watchTimeout == null ? null : Duration.ofSeconds(watchTimeout));
        }
    }

    record ConfigArgs(String config) {
    }

    private static final Duration CANCEL_TIMEOUT = Duration.ofMinutes(5);

    private final AzureAccess access;
    private final Path workspace;
    private final EditorClient editor;
    private final ExecutorService executor;
    private final Runnable signInChanged;
    private final RemoteTargets targets;

    AzureCommands(AzureAccess access, Path workspace, EditorClient editor, ExecutorService executor, Runnable signInChanged,
                  RemoteTargets targets) {
        this.targets = targets;
        this.access = access;
        this.workspace = workspace;
        this.editor = editor;
        this.executor = executor;
        this.signInChanged = signInChanged;
    }

    CommandRegistry registerOn(CommandRegistry registry) {
        return new AzureSignInCommands(access, editor, signInChanged).registerOn(registry)
                .register("azureml.azure.computeTargets", args -> computeTargets())
                .register("azureml.azure.submit", this::submit)
                .register("azureml.azure.pipelineSteps", this::pipelineSteps)
                .register("azureml.azure.cancelJob", this::cancel)
                .register("azureml.azure.studioUrl", this::studioUrl);
    }

    /** The computes of the folder's workspace (else the editor's default one), for "Submit experiment"; none without. */
    private Object computeTargets() {
        var configured = WorkspaceSelection.find(workspace, access);
        if (configured.isEmpty()) {
            return Map.of("targets", List.of());
        }
        WorkspaceId id = configured.get();
        List<Map<String, String>> targets = new ArrayList<>();
        String page = null;
        do {
            Page<Compute> computes = access.workspaceClient(id).computes().list(page);
            computes.items().forEach(c -> targets.add(Map.of("compute", c.name(), "workspaceId", id.armId(),
                    "description", c.computeType() + (c.state() == null ? "" : " · " + c.state()))));
            page = computes.nextLink();
        } while (page != null);
        return Map.of("workspace", id.workspaceName(), "targets", targets,
                "isDefault", access.defaultWorkspace().map(id::equals).orElse(false));
    }

    private Object submit(List<Object> arguments) {
        Submit args = Arguments.first(arguments, Submit.class);
        if (args.config() == null || args.compute() == null) {
            throw AmlDebugException.badInput("azureml.azure.submit needs config (a command or pipeline job YAML) and compute.");
        }
        WorkspaceId id = args.workspaceId() != null ? WorkspaceId.parse(args.workspaceId())
                : WorkspaceSelection.resolve(WorkspaceFlags.none(), workspace, access).id();
        WorkspaceClient client = access.workspaceClient(id);
        EditorDebuggees debuggees = new EditorDebuggees(editor, targets, executor, Boolean.TRUE.equals(args.allowPublic()),
                Boolean.FALSE.equals(args.justMyCode()));
        SubmittedJob submitted = new JobService(client, id, workspace, executor)
                .submit(args.request(FileArguments.path(workspace, args.config())), debuggees);
        Job job = submitted.job();
        editor.treeChanged(AzureNodeIds.workspace(id).child("experiments", job.experimentName()));
        return Map.of("jobName", job.name(), "nodeId", AzureNodeIds.job(id, job.name()).toString(),
                "studioUrl", submitted.studioUrl(), "status", job.status().name());
    }

    /** The step names of a pipeline job YAML, for "Submit experiment" to ask which to debug; none for a command job. */
    private Object pipelineSteps(List<Object> arguments) {
        String config = Arguments.first(arguments, ConfigArgs.class).config();
        if (config == null) {
            throw AmlDebugException.badInput("azureml.azure.pipelineSteps needs config (a job YAML).");
        }
        Path file = FileArguments.path(workspace, config);
        boolean pipeline = PipelineJobBody.isPipeline(file);
        return Map.of("pipeline", pipeline, "steps", pipeline ? PipelineJobBody.stepNames(file) : List.of());
    }

    private Object cancel(List<Object> arguments) {
        NodeId node = node(arguments);
        WorkspaceId id = AzureNodeIds.workspaceOf(node);
        Job job = access.workspaceClient(id).jobs().cancel(AzureNodeIds.jobOf(node), CANCEL_TIMEOUT);
        editor.treeChanged(AzureNodeIds.workspace(id).child("experiments", job.experimentName()));
        return Map.of("jobName", job.name(), "status", job.status().name());
    }

    private Object studioUrl(List<Object> arguments) {
        NodeId node = node(arguments);
        return Map.of("url", access.workspaceClient(AzureNodeIds.workspaceOf(node))
                .studioUrl(AzureNodeIds.jobOf(node)));
    }

    /** The Azure ML node the command's {@code nodeId} names. */
    static NodeId node(List<Object> arguments) {
        String nodeId = Arguments.first(arguments, NodeArgs.class).nodeId();
        if (nodeId == null) {
            throw AmlDebugException.badInput("This command needs nodeId: the Azure ML job's node in the tree.");
        }
        return NodeId.parse(nodeId);
    }
}
