package dev.amldebug.azure;

import dev.amldebug.azure.config.WorkspaceId;
import dev.amldebug.azure.http.What;

/** Environment, model or data containers of a workspace. */
public final class Assets {
    private final WorkspaceId id;
    private final AzureMlClient client;
    private final String segment;
    private final String kind;

    Assets(WorkspaceId id, AzureMlClient client, String segment, String kind) {
        this.id = id;
        this.client = client;
        this.segment = segment;
        this.kind = kind;
    }

    public Page<Asset> list(String pageLink) {
        return client.lists().page(client.endpoints().resolve(id.armId() + "/" + segment + "?" + AzureMlClient.ML_API),
                pageLink, ArmMapping::asset,
                What.of("the " + kind + "s of workspace " + id.workspaceName(), "`aml-debug azure workspaces`"));
    }
}
