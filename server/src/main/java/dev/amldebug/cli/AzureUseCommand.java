package dev.amldebug.cli;

import dev.amldebug.azure.config.WorkspaceConfig;
import dev.amldebug.azure.config.WorkspaceId;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(name = "use", mixinStandardHelpOptions = true,
        description = {"Use this workspace from this folder on, as the Azure ML SDK's from_config() would.",
                "It checks first that the workspace exists and that you can see it, then writes the folder's "
                        + ".azureml/config.json, the file from_config() reads."},
        footer = {"",
                "Examples:",
                "  # Use a workspace by its id (see `aml-debug azure workspaces`)",
                "  aml-debug azure use "
                        + "/subscriptions/S/resourceGroups/G/providers/Microsoft.MachineLearningServices/workspaces/W",
                "  # Use it for another folder",
                "  aml-debug azure use "
                        + "/subscriptions/S/resourceGroups/G/providers/Microsoft.MachineLearningServices/workspaces/W "
                        + "--folder ~/projects/digits"})
final class AzureUseCommand implements Callable<Integer> {
    @Parameters(paramLabel = "ID", arity = "0..1", description = "The workspace's ARM id (see `aml-debug azure workspaces`);"
            + " without it, the workspace -w, -g and --subscription (or their defaults) name.")
    String id;

    @Mixin
    AzureOption azure;

    @Spec
    CommandSpec command;

    @Override
    public Integer call() {
        WorkspaceId workspace = id != null ? WorkspaceId.parse(id) : azure.workspaceId();
        azure.client().workspace(workspace);
        Path file = WorkspaceConfig.write(azure.folder(), workspace);
        command.commandLine().getOut().println("Using " + workspace.workspaceName() + " (written to " + file + ").");
        return 0;
    }
}
