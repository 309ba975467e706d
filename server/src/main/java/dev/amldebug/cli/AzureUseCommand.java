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
        description = {"Use this workspace from this folder on: writes .azureml/config.json, the file the Azure ML",
                "SDK's from_config() reads. Checks first that the workspace exists and you can see it."},
        footer = {"", "Example:",
                "  aml-debug azure use /subscriptions/S/resourceGroups/G/providers/Microsoft.MachineLearningServices/workspaces/W"})
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
