package dev.amldebug.server.commands;

import com.github.dockerjava.api.DockerClient;
import dev.amldebug.runner.image.ImageInventory;
import dev.amldebug.runner.image.ImageUsage;
import dev.amldebug.runner.image.ManagedImage;
import dev.amldebug.runner.image.PruneResult;
import dev.amldebug.runner.run.RunRecord;
import dev.amldebug.server.launch.LaunchConfigurations;
import dev.amldebug.server.lsp.AmlLanguageClient;
import dev.amldebug.server.lsp.Protocol.TreeChangedParams;
import dev.amldebug.server.lsp.RunSessions;
import dev.amldebug.server.tree.Experiments;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.eclipse.lsp4j.ApplyWorkspaceEditParams;

/** The azureml.* commands of docs/protocol.md, wired to what they act on. */
public final class StandardCommands {
    record NameArgs(String name) {
    }

    record RunIdArgs(String runId) {
    }

    record PruneArgs(Integer olderThanDays) {
    }

    private StandardCommands() {
    }

    public static CommandRegistry create(Path workspace, String baseImage, Experiments experiments, RunSessions runs,
                                         Supplier<DockerClient> docker, Supplier<AmlLanguageClient> client) {
        RunConfigurationWriter configurations = new RunConfigurationWriter(workspace, baseImage);
        return new CommandRegistry()
                .register("azureml.createExperiment", args -> {
                    String name = Arguments.first(args, NameArgs.class).name();
                    if (name == null) {
                        throw new IllegalArgumentException("createExperiment needs name.");
                    }
                    boolean created = experiments.create(name);
                    client.get().treeChanged(new TreeChangedParams("local/experiments"));
                    return Map.of("name", name, "created", created);
                })
                .register("azureml.createRunConfiguration",
                        args -> configurations.write(Arguments.first(args, RunConfigurationWriter.Request.class)))
                .register("azureml.submitExperiment",
                        args -> Map.of("runId", runs.submit(Arguments.first(args, RunSessions.Submit.class))))
                .register("azureml.cancelRun", args -> {
                    String runId = Arguments.first(args, RunIdArgs.class).runId();
                    if (runId == null) {
                        throw new IllegalArgumentException("cancelRun needs runId.");
                    }
                    RunRecord record = runs.cancel(runId);
                    return Map.of("runId", runId, "status", record.status.name());
                })
                .register("azureml.pruneImages", args -> prune(docker, client, Arguments.first(args, PruneArgs.class)))
                .register("azureml.addLaunchConfiguration", args -> {
                    var edit = LaunchJsonEdits.edit(workspace, Arguments.first(args, LaunchConfigurations.Request.class));
                    boolean applied = client.get().applyEdit(new ApplyWorkspaceEditParams(edit, "Add Azure ML launch configuration"))
                            .get().isApplied();
                    return Map.of("uri", workspace.resolve(".vscode/launch.json").toUri().toString(), "applied", applied);
                });
    }

    private static Map<String, Object> prune(Supplier<DockerClient> docker, Supplier<AmlLanguageClient> client,
                                             PruneArgs args) {
        boolean all = args.olderThanDays() == null;
        Duration age = Duration.ofDays(all ? 0 : args.olderThanDays());
        PruneResult result = new ImageInventory(docker.get(), ImageUsage.inUserCache()).prune(age, all);
        client.get().treeChanged(new TreeChangedParams("local/images"));
        List<String> removed = result.removed().stream().map(ManagedImage::tag).toList();
        List<String> kept = result.keptInUse().stream().map(ManagedImage::tag).toList();
        return Map.of("removed", removed, "keptInUse", kept, "bytesFreed", result.bytesFreed());
    }
}
