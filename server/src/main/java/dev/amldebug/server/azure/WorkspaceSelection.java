package dev.amldebug.server.azure;

import dev.amldebug.azure.config.ResolvedWorkspace;
import dev.amldebug.azure.config.WorkspaceFlags;
import dev.amldebug.azure.config.WorkspaceId;
import dev.amldebug.azure.config.WorkspaceResolution;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Which Azure ML workspace a command means, as `az ml` finds it ({@link WorkspaceResolution}: the flags, the folder's
 * config.json, the SDK's variables, az's defaults), and last the editor's default (the Azure ML extension's
 * azureML.defaultWorkspaceId), read from the process's environment as {@code access} holds it.
 */
public final class WorkspaceSelection {
    private WorkspaceSelection() {
    }

    /** The workspace meant, or a sentence saying which part is missing and how to set it. */
    public static ResolvedWorkspace resolve(WorkspaceFlags flags, Path folder, AzureAccess access) {
        return new WorkspaceResolution(access.environment()).resolve(flags, folder, access.defaultWorkspace());
    }

    /** The workspace of the folder, or empty when none is configured or the default. */
    public static Optional<WorkspaceId> find(Path folder, AzureAccess access) {
        return new WorkspaceResolution(access.environment()).find(WorkspaceFlags.none(), folder, access.defaultWorkspace())
                .map(ResolvedWorkspace::id);
    }
}
