package dev.amldebug.cli;

import dev.amldebug.azure.AzureMlClient;
import dev.amldebug.azure.WorkspaceClient;
import dev.amldebug.azure.config.WorkspaceId;
import dev.amldebug.server.azure.AzureAccess;
import dev.amldebug.server.azure.WorkspaceSelection;
import java.nio.file.Path;
import dev.amldebug.server.jobs.JobService;
import dev.amldebug.server.threads.ServerThreads;
import picocli.CommandLine.Option;

/** The Azure ML workspace a command talks to: --workspace-id, else the folder's config.json. */
final class AzureOption {
    @Option(names = "--workspace-id", paramLabel = "ID",
            description = "The workspace's ARM id: /subscriptions/S/resourceGroups/G/providers/"
                    + "Microsoft.MachineLearningServices/workspaces/W (default: .azureml/config.json or config.json).")
    String workspaceId;

    @Option(names = {"-w", "--workspace"}, paramLabel = "DIR", defaultValue = "${env:AML_DEBUG_WORKSPACE:-.}",
            description = "Folder whose .azureml/config.json names the workspace (default: the current folder).")
    Path folder;

    private final CliContext context;

    AzureOption(CliContext context) {
        this.context = context;
    }

    Path folder() {
        return folder.toAbsolutePath().normalize();
    }

    AzureAccess access() {
        return context.azure();
    }

    /** The invocation's threads, for a debug session. */
    ServerThreads threads() {
        return context.threads();
    }

    AzureMlClient client() {
        return context.azure().client();
    }

    WorkspaceId workspaceId() {
        return WorkspaceSelection.resolve(workspaceId, folder());
    }

    WorkspaceClient workspace() {
        return client().workspaceClient(workspaceId());
    }

    /** The job service of the workspace, on the invocation's threads. */
    JobService jobs() {
        WorkspaceId id = workspaceId();
        return new JobService(client().workspaceClient(id), id, folder(), threads().blocking());
    }
}
