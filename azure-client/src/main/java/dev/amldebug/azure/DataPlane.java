package dev.amldebug.azure;

import com.fasterxml.jackson.databind.JsonNode;
import dev.amldebug.azure.config.WorkspaceId;
import dev.amldebug.azure.http.Rest;
import dev.amldebug.azure.http.What;
import dev.amldebug.errors.AmlDebugException;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/**
 * The workspace's run history and artifact service. Its host is found as the SDK finds it: the workspace's
 * discoveryUrl, then the "api" entry of the discovery document ("history" where there is no "api"). Looked up
 * once, on first need.
 */
final class DataPlane {
    private final WorkspaceId id;
    private final AzureMlClient client;
    private final Rest rest;
    private volatile String history;

    DataPlane(WorkspaceId id, AzureMlClient client) {
        this.id = id;
        this.client = client;
        this.rest = client.arm().forWorkspace(id.workspaceName());
    }

    Rest rest() {
        return rest;
    }

    /** {history}/history/v1.0/{workspace path}{path} */
    URI runHistory(String path) {
        return URI.create(host() + "/history/v1.0" + workspacePath() + path);
    }

    /** {history}/artifact/v2.0/{workspace path}{path} */
    URI artifacts(String path) {
        return URI.create(host() + "/artifact/v2.0" + workspacePath() + path);
    }

    static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }

    private String workspacePath() {
        return "/subscriptions/" + id.subscriptionId() + "/resourceGroups/" + id.resourceGroup()
                + "/providers/Microsoft.MachineLearningServices/workspaces/" + id.workspaceName();
    }

    private String host() {
        String known = history;
        if (known == null) {
            known = discover();
            history = known;
        }
        return known;
    }

    private String discover() {
        Workspace workspace = client.workspace(id);
        if (workspace.discoveryUrl() == null || workspace.discoveryUrl().isBlank()) {
            throw AmlDebugException.environment("The workspace " + id.workspaceName() + " has no discovery URL, so its run"
                    + " history cannot be found: check the workspace in Azure ML studio.", null);
        }
        JsonNode document = rest.get(URI.create(workspace.discoveryUrl()),
                What.of("the discovery document of workspace " + id.workspaceName(), "`aml-debug azure workspaces`"));
        // The SDK reaches run history at the document's "api" host (recorded in test_pipeline_job_get_child_run:
        // /history/v1.0 on api.azureml.ms, while "history" names the older experiments.azureml.net); else "history".
        String host = Json.text(document, "api");
        if (host == null || host.isBlank()) {
            host = Json.text(document, "history");
        }
        if (host == null || host.isBlank()) {
            throw AmlDebugException.environment("The discovery document of workspace " + id.workspaceName()
                    + " names no run history service: check the workspace in Azure ML studio.", null);
        }
        return host.endsWith("/") ? host.substring(0, host.length() - 1) : host;
    }
}
