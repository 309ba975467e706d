package dev.amldebug.azurefake;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.amldebug.azurefake.http.ArmError;
import dev.amldebug.azurefake.http.Call;
import dev.amldebug.azurefake.http.Json;
import dev.amldebug.azurefake.http.Paging;
import dev.amldebug.azurefake.http.Response;
import dev.amldebug.azurefake.http.Router;
import dev.amldebug.azurefake.jobs.CancelOperations;
import dev.amldebug.azurefake.runs.RealRuns;
import dev.amldebug.azurefake.schema.Violation;
import dev.amldebug.azurefake.workspace.FakeWorkspace;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Resource Manager's side: its routes, subscriptions, workspaces, the listings (paged as ARM pages) and computes here;
 * jobs ({@link JobsApi}, the cancel LRO in {@link CancelApi}), asset versions ({@link AssetVersionsApi}) and datastores
 * ({@link DatastoreApi}) each in their own class.
 */
final class ArmApi {
    static final String ML_API_VERSION = "2024-10-01";
    private static final String W = "/subscriptions/{s}/resourceGroups/{g}/providers/Microsoft.MachineLearningServices/workspaces/{w}";
    private final FakeAzureMlOptions options;
    private final Workspaces workspaces;
    private final ArmResources resources;
    private final JobsApi jobs;
    private final CancelApi cancelApi;
    private final AssetVersionsApi versions;
    private final DatastoreApi datastores;

    ArmApi(FakeAzureMlOptions options, Workspaces workspaces, FakeStorage storage, RequestChecks checks, Optional<RealRuns> realRuns,
           ArmResources resources, CancelOperations cancels) {
        this.options = options;
        this.workspaces = workspaces;
        this.resources = resources;
        this.jobs = new JobsApi(checks, realRuns, resources);
        this.cancelApi = new CancelApi(checks, realRuns, cancels);
        this.versions = new AssetVersionsApi(checks, storage, resources);
        this.datastores = new DatastoreApi(checks, storage);
    }

    void register(Router router, TenantsApi tenants) {
        router.add("GET", "/tenants", tenants::tenants)
                .add("GET", "/subscriptions", c -> paged(c, tenants.subscriptions(c)))
                .add("GET", "/subscriptions/{s}/providers/Microsoft.MachineLearningServices/workspaces", this::workspaces)
                .add("GET", W, c -> inWorkspace(c, ws -> Response.ok(resources.workspace(ws, workspaces.discoveryUrl(ws)))))
                .add("GET", W + "/jobs", c -> inWorkspace(c, ws -> paged(c, ws.jobs.topLevel().stream().map(j -> resources.job(ws, j)).toList())))
                .add("GET", W + "/jobs/{j}", c -> inWorkspace(c, ws -> jobs.get(c, ws)))
                .add("PUT", W + "/jobs/{j}", c -> inWorkspace(c, ws -> jobs.createOrUpdate(c, ws)))
                .add("POST", W + "/jobs/{j}/cancel", c -> inWorkspace(c, ws -> cancelApi.cancel(c, ws)))
                .add("GET", "/subscriptions/{s}/providers/Microsoft.MachineLearningServices/locations/{l}/mfeOperationsStatus/{id}", cancelApi::status)
                .add("GET", "/subscriptions/{s}/providers/Microsoft.MachineLearningServices/locations/{l}/mfeOperationResults/{id}", cancelApi::result)
                .add("GET", W + "/computes", c -> inWorkspace(c, ws -> paged(c, resources.computes(ws))))
                .add("GET", W + "/computes/{n}", c -> inWorkspace(c, ws -> resources.computes(ws).stream().filter(x -> x.path("name").asText().equals(c.group(3)))
                        .findFirst().map(Response::ok).orElseGet(() -> ArmError.notFound("computes/" + c.group(3)).response())))
                .add("GET", W + "/environments", c -> inWorkspace(c, ws -> paged(c, resources.containers(ws, "environments", List.of("sklearn-env", "pytorch-env", "debug-env")))))
                .add("GET", W + "/models", c -> inWorkspace(c, ws -> paged(c, resources.containers(ws, "models", List.of("digits-classifier", "sentiment")))))
                .add("GET", W + "/data", c -> inWorkspace(c, ws -> paged(c, resources.containers(ws, "data", List.of("digits-csv", "reviews")))))
                .add("GET", W + "/codes/{n}/versions/{v}", c -> inWorkspace(c, ws -> versions.get(c, ws, "codes")))
                .add("PUT", W + "/codes/{n}/versions/{v}",
                        c -> inWorkspace(c, ws -> versions.put(c, ws, "codes", "CodeVersions_CreateOrUpdate", "CodeVersionResource")))
                .add("PUT", W + "/environments/{n}/versions/{v}",
                        c -> inWorkspace(c, ws -> versions.put(c, ws, "environments", "EnvironmentVersions_CreateOrUpdate", "EnvironmentVersionResource")))
                .add("GET", W + "/environments/{n}/versions/{v}", c -> inWorkspace(c, ws -> versions.get(c, ws, "environments")))
                .add("PUT", W + "/components/{n}/versions/{v}",
                        c -> inWorkspace(c, ws -> versions.put(c, ws, "components", "ComponentVersions_CreateOrUpdate", "ComponentVersionResource")))
                .add("GET", W + "/components/{n}/versions/{v}", c -> inWorkspace(c, ws -> versions.get(c, ws, "components")))
                .add("POST", W + "/datastores/{n}/listSecrets", c -> inWorkspace(c, ws -> datastores.listSecrets(c, ws)))
                .add("GET", W + "/datastores/{n}", c -> inWorkspace(c, ws -> datastores.get(c, ws)))
                .add("POST", W + "/codes/{n}/versions/{v}/startPendingUpload", c -> inWorkspace(c, ws -> versions.startPendingUpload(c, ws)));
    }

    private Response workspaces(Call call) {
        String sub = call.group(0);
        if (workspaces.all().stream().noneMatch(ws -> ws.subscriptionId.equalsIgnoreCase(sub))) {
            return new ArmError(404, "SubscriptionNotFound", "The subscription '" + sub + "' could not be found.").response();
        }
        return paged(call, workspaces.all().stream().filter(ws -> ws.subscriptionId.equalsIgnoreCase(sub))
                .map(ws -> resources.workspace(ws, workspaces.discoveryUrl(ws))).toList());
    }

    Response paged(Call call, List<? extends JsonNode> items) {
        Paging.Page<? extends JsonNode> page = Paging.page(items, call.query("$skipToken"), options.pageSize());
        ObjectNode body = Json.object();
        ArrayNode value = body.putArray("value");
        page.items().forEach(value::add);
        if (page.token() != null) {
            body.put("nextLink", Paging.nextLink(call, page.token()));
        }
        return Response.ok(body);
    }

    private Response inWorkspace(Call call, WorkspaceAnswer answer) throws Exception {
        Optional<FakeWorkspace> ws = workspaces.find(call.group(0), call.group(1), call.group(2));
        return ws.isPresent() ? answer.apply(ws.get()) : missingWorkspace(call);
    }

    private Response missingWorkspace(Call call) {
        boolean subscriptionKnown = workspaces.all().stream().anyMatch(ws -> ws.subscriptionId.equalsIgnoreCase(call.group(0)));
        if (!subscriptionKnown) {
            return new ArmError(404, "SubscriptionNotFound", "The subscription '" + call.group(0) + "' could not be found.").response();
        }
        boolean groupKnown = workspaces.all().stream().anyMatch(ws -> ws.resourceGroup.equalsIgnoreCase(call.group(1)));
        if (!groupKnown) {
            return new ArmError(404, "ResourceGroupNotFound", "Resource group '" + call.group(1) + "' could not be found.").response();
        }
        return ArmError.notFound("Microsoft.MachineLearningServices/workspaces/" + call.group(2)).response();
    }

    static Response invalid(List<Violation> problems) {
        String message = problems.stream().map(v -> v.path() + " " + v.problem()).collect(Collectors.joining("; "));
        return ArmError.badRequest("UserError", "The request body does not match the API's schema: " + message).response();
    }
}
