package dev.amldebug.server.commands;

import dev.amldebug.server.azure.AzureAccess;
import com.github.dockerjava.api.DockerClient;
import dev.amldebug.errors.AmlDebugException;
import dev.amldebug.runner.image.ImageInventory;
import dev.amldebug.runner.image.ImageUsage;
import dev.amldebug.runner.image.ManagedImage;
import dev.amldebug.runner.image.PruneResult;
import dev.amldebug.runner.run.RunPruner;
import dev.amldebug.runner.run.RunRecord;
import dev.amldebug.server.debug.RemoteTargets;
import dev.amldebug.server.launch.LaunchConfigurations;
import dev.amldebug.server.run.RunService;
import dev.amldebug.server.tree.local.Experiments;
import dev.amldebug.server.tree.local.LocalTreeProvider;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import java.util.concurrent.ExecutorService;

/** The azureml.* commands of docs/protocol.md, wired to what they act on. */
public final class StandardCommands {
    record NameArgs(String name) {
    }

    record RunIdArgs(String runId) {
    }

    record PruneArgs(Integer olderThanDays) {
    }

    record PruneRunsArgs(Integer olderThanDays, Integer keep) {
    }

    /**
     * What the Azure ML commands need: the process's sign-in, a thread for log streams, the tree to tell, and where
     * the debug targets of jobs on compute nodes go for the editor's debug endpoints.
     */
    public record AzureWiring(AzureAccess access, ExecutorService executor, Runnable signInChanged,
                              RemoteTargets remoteTargets) {
    }

    private StandardCommands() {
    }

    public static CommandRegistry create(RunService runs, Experiments experiments, String baseImage,
                                         Supplier<DockerClient> docker, EditorClient editor, AzureWiring azure) {
        Path workspace = runs.workspace();
        RunConfigurationWriter configurations = new RunConfigurationWriter(workspace, baseImage);
        DeploymentCommands deployments = new DeploymentCommands(runs, editor);
        CommandRegistry registry = new AzureJobCommands(azure.access(), runs, editor, azure.remoteTargets(), azure.executor())
                .registerOn(new AzureCommands(azure.access(), workspace, editor, azure.executor(), azure.signInChanged(),
                        azure.remoteTargets())
                        .registerOn(new AzureLogCommands(azure.access(), editor, azure.executor())
                                .registerOn(new PictureCommands(runs).registerOn(new CommandRegistry()))));
        return registry
                .register("azureml.createExperiment", args -> {
                    String name = Arguments.first(args, NameArgs.class).name();
                    if (name == null) {
                        throw AmlDebugException.badInput("createExperiment needs name.");
                    }
                    boolean created = experiments.create(name);
                    editor.treeChanged(LocalTreeProvider.EXPERIMENTS);
                    return Map.of("name", name, "created", created);
                })
                .register("azureml.createRunConfiguration",
                        args -> configurations.write(Arguments.first(args, RunConfigurationWriter.Request.class)))
                .register("azureml.submitExperiment", new SubmitCommand(runs, editor))
                .register("azureml.debugPipelineStep", new PipelineStepCommand(runs, editor))
                .register("azureml.debugDeployment", deployments::debug)
                .register("azureml.scoreDeployment", deployments::score)
                .register("azureml.cancelRun", args -> {
                    String runId = Arguments.first(args, RunIdArgs.class).runId();
                    if (runId == null) {
                        throw AmlDebugException.badInput("cancelRun needs runId.");
                    }
                    RunRecord record = runs.cancel(runId);
                    return Map.of("runId", runId, "status", record.status.name());
                })
                .register("azureml.pruneImages", args -> prune(docker, editor, Arguments.first(args, PruneArgs.class)))
                .register("azureml.pruneRuns", args -> pruneRuns(runs, editor, Arguments.first(args, PruneRunsArgs.class)))
                .register("azureml.addLaunchConfiguration", args -> LaunchJsonEdits.apply(workspace,
                        Arguments.first(args, LaunchConfigurations.Request.class), editor))
                .register("azureml.debuggableRuns", args -> debuggableRuns(runs))
                .register("azureml.checkDocker", args -> DockerCheck.run());
    }

    /**
     * The runs a debugger can join now (running, with a debugpy, a debug hub, or a dormant hook that starts debugpy on
     * request), newest first: for "pick a run".
     */
    private static Map<String, Object> debuggableRuns(RunService runs) {
        List<Map<String, String>> found = runs.store().list().stream()
                .filter(run -> run.isActive() && (run.debugEndpoint != null || run.attachEndpoint != null
                        || runs.debugHub(run.id).isPresent()))
                .sorted(Comparator.comparing((RunRecord run) -> run.createdAt, Comparator.nullsLast(Comparator.reverseOrder())))
                .map(run -> Map.of("runId", run.id, "experiment", String.valueOf(run.experiment),
                        "status", run.status.name(), "kind", run.kind.name(),
                        "endpoint", run.debugEndpoint != null ? run.debugEndpoint
                                : run.attachEndpoint != null ? run.attachEndpoint + " (on request)" : "debug hub"))
                .toList();
        return Map.of("runs", found);
    }

    /** Without arguments: runs that ended over 30 days ago, as on the command line. */
    private static Map<String, Object> pruneRuns(RunService runs, EditorClient editor, PruneRunsArgs args) {
        int keep = args.keep() == null ? 0 : args.keep();
        if (keep < 0 || args.olderThanDays() != null && args.olderThanDays() < 0) {
            throw AmlDebugException.badInput("pruneRuns takes olderThanDays and keep of 0 or more.");
        }
        Integer days = args.olderThanDays() != null ? args.olderThanDays() : keep > 0 ? null : 30;
        List<String> removed = new RunPruner(runs.store()).prune(days == null ? null : Duration.ofDays(days), keep)
                .stream().map(run -> run.id).toList();
        editor.treeChanged(LocalTreeProvider.EXPERIMENTS);
        return Map.of("removed", removed);
    }

    private static Map<String, Object> prune(Supplier<DockerClient> docker, EditorClient editor, PruneArgs args) {
        boolean all = args.olderThanDays() == null;
        Duration age = Duration.ofDays(all ? 0 : args.olderThanDays());
        PruneResult result = new ImageInventory(docker.get(), ImageUsage.inUserCache()).prune(age, all);
        editor.treeChanged(LocalTreeProvider.IMAGES);
        List<String> removed = result.removed().stream().map(ManagedImage::tag).toList();
        List<String> kept = result.keptInUse().stream().map(ManagedImage::tag).toList();
        return Map.of("removed", removed, "keptInUse", kept, "bytesFreed", result.bytesFreed());
    }
}
