package dev.amldebug.azure.config;

/** The workspace a command means, and where each part of its name came from (a flag, a file, a variable...). */
public record ResolvedWorkspace(WorkspaceId id, String subscriptionFrom, String resourceGroupFrom, String workspaceNameFrom) {
    /** For people: "from X" when one source named it all, else each part's source. */
    public String sources() {
        if (subscriptionFrom.equals(resourceGroupFrom) && resourceGroupFrom.equals(workspaceNameFrom)) {
            return "from " + workspaceNameFrom;
        }
        return "workspace name from " + workspaceNameFrom + ", resource group from " + resourceGroupFrom
                + ", subscription from " + subscriptionFrom;
    }
}
