package dev.amldebug.azure.config;

/**
 * What a command line said about the workspace, as `az ml` takes it: {@code --workspace-id} (all three parts at once),
 * or any of {@code --subscription}, {@code -g/--resource-group}, {@code -w/--workspace-name}. Null for not given.
 */
public record WorkspaceFlags(String workspaceId, String subscription, String resourceGroup, String workspaceName) {
    public static WorkspaceFlags none() {
        return new WorkspaceFlags(null, null, null, null);
    }

    public static WorkspaceFlags id(String workspaceId) {
        return new WorkspaceFlags(workspaceId, null, null, null);
    }
}
