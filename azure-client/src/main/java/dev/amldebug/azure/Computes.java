package dev.amldebug.azure;

import dev.amldebug.azure.config.WorkspaceId;
import dev.amldebug.azure.http.What;

public final class Computes {
    private final WorkspaceId id;
    private final AzureMlClient client;

    Computes(WorkspaceId id, AzureMlClient client) {
        this.id = id;
        this.client = client;
    }

    public Page<Compute> list(String pageLink) {
        return client.lists().page(client.endpoints().resolve(id.armId() + "/computes?" + AzureMlClient.ML_API), pageLink,
                ArmMapping::compute, What.of("the computes of workspace " + id.workspaceName(), "`aml-debug azure workspaces`"));
    }
}
