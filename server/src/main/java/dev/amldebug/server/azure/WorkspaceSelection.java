package dev.amldebug.server.azure;

import dev.amldebug.azure.config.WorkspaceConfig;
import dev.amldebug.azure.config.WorkspaceId;
import dev.amldebug.errors.AmlDebugException;
import java.nio.file.Path;

/** Which Azure ML workspace a command means: the one named, else the folder's config.json. */
public final class WorkspaceSelection {
    private WorkspaceSelection() {
    }

    /** @param workspaceId the --workspace-id given, or null */
    public static WorkspaceId resolve(String workspaceId, Path folder) {
        if (workspaceId != null && !workspaceId.isBlank()) {
            return WorkspaceId.parse(workspaceId);
        }
        return WorkspaceConfig.find(folder).orElseThrow(() -> AmlDebugException.badInput(
                "No Azure ML workspace is set for " + folder + ": run `aml-debug azure use <workspace id>`"
                        + " (see `aml-debug azure workspaces`), or pass --workspace-id."));
    }
}
