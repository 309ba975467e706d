package dev.amldebug.server.azure;

import dev.amldebug.azure.config.WorkspaceConfig;
import dev.amldebug.azure.config.WorkspaceId;
import dev.amldebug.errors.AmlDebugException;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Which Azure ML workspace a command means: the one named, else the folder's config.json, else the editor's default
 * (the Azure ML extension's azureML.defaultWorkspaceId).
 */
public final class WorkspaceSelection {
    private WorkspaceSelection() {
    }

    /** @param workspaceId the --workspace-id given, or null */
    public static WorkspaceId resolve(String workspaceId, Path folder) {
        return resolve(workspaceId, folder, Optional.empty());
    }

    public static WorkspaceId resolve(String workspaceId, Path folder, Optional<WorkspaceId> editorDefault) {
        return find(workspaceId, folder, editorDefault).orElseThrow(() -> AmlDebugException.badInput(
                "No Azure ML workspace is set for " + folder + ": run `aml-debug azure use <workspace id>`"
                        + " (see `aml-debug azure workspaces`), or pass --workspace-id."));
    }

    /** The workspace meant, or empty when none is named, configured or the default. */
    public static Optional<WorkspaceId> find(String workspaceId, Path folder, Optional<WorkspaceId> editorDefault) {
        if (workspaceId != null && !workspaceId.isBlank()) {
            return Optional.of(WorkspaceId.parse(workspaceId));
        }
        return WorkspaceConfig.find(folder).or(() -> editorDefault);
    }
}
