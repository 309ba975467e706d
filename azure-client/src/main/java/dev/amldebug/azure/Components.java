package dev.amldebug.azure;

import com.azure.core.http.HttpMethod;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.amldebug.azure.config.WorkspaceId;
import dev.amldebug.azure.http.What;
import java.util.Map;

/** Component versions of a workspace: a pipeline's steps are registered as anonymous ones before the pipeline job. */
public final class Components {
    /** The name the SDK registers every pipeline step's component under. */
    public static final String ANONYMOUS = "azureml_anonymous";
    private final WorkspaceId id;
    private final AzureMlClient client;

    Components(WorkspaceId id, AzureMlClient client) {
        this.id = id;
        this.client = client;
    }

    /**
     * ComponentVersions_CreateOrUpdate of {@code {properties: {componentSpec: ...}}}; returns the version's ARM id as the
     * service answers it (the service may name an anonymous component's version other than the one put).
     */
    public String createOrUpdate(String name, String version, ObjectNode componentVersionBody) {
        JsonNode created = client.arm().send(HttpMethod.PUT, client.endpoints().resolve(id.armId() + "/components/"
                + DataPlane.encode(name) + "/versions/" + DataPlane.encode(version) + "?" + AzureMlClient.ML_API),
                componentVersionBody, Map.of(),
                What.of("component " + name + ":" + version + " in workspace " + id.workspaceName(), "`aml-debug azure workspaces`"))
                .json();
        String versionId = Json.text(created, "id");
        return versionId != null ? versionId : id.armId() + "/components/" + name + "/versions/" + version;
    }
}
