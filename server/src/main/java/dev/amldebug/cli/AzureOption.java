package dev.amldebug.cli;

import dev.amldebug.azure.AzureMlClient;
import dev.amldebug.azure.WorkspaceClient;
import dev.amldebug.azure.config.ResolvedWorkspace;
import dev.amldebug.azure.config.WorkspaceId;
import dev.amldebug.server.azure.AzureAccess;
import dev.amldebug.server.azure.WorkspaceSelection;
import java.nio.file.Path;
import dev.amldebug.server.jobs.JobService;
import dev.amldebug.server.threads.ServerThreads;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * The Azure ML workspace a command talks to: the flags, else the folder's config.json, the SDK's variables, az's
 * defaults ({@link WorkspaceSelection}).
 */
final class AzureOption {
    @Mixin
    AzureWorkspaceOptions names = new AzureWorkspaceOptions();

    @Option(names = "--folder", paramLabel = "DIR",
            description = "The folder whose Azure ML config file (its own or a parent's) names the workspace (default:"
                    + " the current folder, or AML_DEBUG_FOLDER).")
    Path folder;

    private final CliContext context;

    AzureOption(CliContext context) {
        this.context = context;
    }

    Path folder() {
        return (folder == null ? context.defaultFolder() : folder).toAbsolutePath().normalize();
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

    /** The workspace and where each part of its name came from. */
    ResolvedWorkspace resolved() {
        return WorkspaceSelection.resolve(names.flags(), folder(), access());
    }

    WorkspaceId workspaceId() {
        return resolved().id();
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
