package dev.amldebug.azurefake;

import dev.amldebug.azurefake.workspace.FakeWorkspace;
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
import dev.amldebug.azurefake.jobs.FakeJob;
import dev.amldebug.azurefake.runs.RealRuns;
import dev.amldebug.azurefake.schema.Violation;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;

/** Resource Manager's side: subscriptions, workspaces, jobs (with the cancel LRO), computes, assets, code, environment and component versions. */
final class ArmApi {
    static final String ML_API_VERSION = "2024-10-01";
    private static final String W = "/subscriptions/{s}/resourceGroups/{g}/providers/Microsoft.MachineLearningServices/workspaces/{w}";
    private final FakeAzureMl.Options options;
    private final Workspaces workspaces;
    private final FakeStorage storage;
    private final RequestChecks checks;
    private final Optional<RealRuns> realRuns;
    private final ArmResources resources;
    private final CancelApi cancelApi;
    private final DatastoreApi datastores;

    ArmApi(FakeAzureMl.Options options, Workspaces workspaces, FakeStorage storage, RequestChecks checks, Optional<RealRuns> realRuns,
           ArmResources resources, CancelOperations cancels) {
        this.options = options;
        this.workspaces = workspaces;
        this.storage = storage;
        this.checks = checks;
        this.realRuns = realRuns;
        this.resources = resources;
        this.cancelApi = new CancelApi(checks, realRuns, cancels);
        this.datastores = new DatastoreApi(checks, storage);
    }

    void register(Router router) {
        router.add("GET", "/subscriptions", this::subscriptions)
                .add("GET", "/subscriptions/{s}/providers/Microsoft.MachineLearningServices/workspaces", this::workspaces)
                .add("GET", W, c -> workspace(c).map(ws -> Response.ok(resources.workspace(ws, workspaces.discoveryUrl(ws)))).orElseGet(() -> missingWorkspace(c)))
                .add("GET", W + "/jobs", c -> inWorkspace(c, ws -> paged(c, ws.jobs.topLevel().stream().map(j -> resources.job(ws, j)).toList())))
                .add("GET", W + "/jobs/{j}", c -> inWorkspace(c, ws -> ws.jobs.read(c.group(3)).map(j -> Response.ok(resources.job(ws, j)))
                        .orElseGet(() -> ArmError.notFound("Microsoft.MachineLearningServices/workspaces/" + ws.name + "/jobs/" + c.group(3)).response())))
                .add("PUT", W + "/jobs/{j}", this::createJob)
                .add("POST", W + "/jobs/{j}/cancel", c -> inWorkspace(c, ws -> cancelApi.cancel(c, ws)))
                .add("GET", "/subscriptions/{s}/providers/Microsoft.MachineLearningServices/locations/{l}/mfeOperationsStatus/{id}", cancelApi::status)
                .add("GET", "/subscriptions/{s}/providers/Microsoft.MachineLearningServices/locations/{l}/mfeOperationResults/{id}", cancelApi::result)
                .add("GET", W + "/computes", c -> inWorkspace(c, ws -> paged(c, resources.computes(ws))))
                .add("GET", W + "/computes/{n}", c -> inWorkspace(c, ws -> resources.computes(ws).stream().filter(x -> x.path("name").asText().equals(c.group(3)))
                        .findFirst().map(Response::ok).orElseGet(() -> ArmError.notFound("computes/" + c.group(3)).response())))
                .add("GET", W + "/environments", c -> inWorkspace(c, ws -> paged(c, resources.containers(ws, "environments", List.of("sklearn-env", "pytorch-env", "debug-env")))))
                .add("GET", W + "/models", c -> inWorkspace(c, ws -> paged(c, resources.containers(ws, "models", List.of("digits-classifier", "sentiment")))))
                .add("GET", W + "/data", c -> inWorkspace(c, ws -> paged(c, resources.containers(ws, "data", List.of("digits-csv", "reviews")))))
                .add("GET", W + "/codes/{n}/versions/{v}", this::getCode)
                .add("PUT", W + "/codes/{n}/versions/{v}", c -> putVersion(c, "codes", "CodeVersions_CreateOrUpdate", "CodeVersionResource"))
                .add("PUT", W + "/environments/{n}/versions/{v}",
                        c -> putVersion(c, "environments", "EnvironmentVersions_CreateOrUpdate", "EnvironmentVersionResource"))
                .add("GET", W + "/environments/{n}/versions/{v}", this::getEnvironment)
                .add("PUT", W + "/components/{n}/versions/{v}",
                        c -> putVersion(c, "components", "ComponentVersions_CreateOrUpdate", "ComponentVersionResource"))
                .add("GET", W + "/components/{n}/versions/{v}", this::getComponent)
                .add("POST", W + "/datastores/{n}/listSecrets", c -> inWorkspace(c, ws -> datastores.listSecrets(c, ws)))
                .add("GET", W + "/datastores/{n}", c -> inWorkspace(c, ws -> datastores.get(c, ws)))
                .add("POST", W + "/codes/{n}/versions/{v}/startPendingUpload", this::startPendingUpload);
    }

    private Response subscriptions(Call call) {
        List<ObjectNode> items = workspaces.all().stream().map(ws -> ws.subscriptionId).distinct().map(id -> {
            ObjectNode s = Json.object().put("id", "/subscriptions/" + id).put("subscriptionId", id).put("tenantId", FakeToken.TENANT_ID)
                    .put("displayName", "Fake subscription " + id.substring(0, 8)).put("state", "Enabled").put("authorizationSource", "RoleBased");
            s.putObject("subscriptionPolicies").put("locationPlacementId", "Public_2014-09-01").put("quotaId", "PayAsYouGo_2014-09-01").put("spendingLimit", "Off");
            return s;
        }).toList();
        return paged(call, items);
    }

    private Response workspaces(Call call) {
        String sub = call.group(0);
        if (workspaces.all().stream().noneMatch(ws -> ws.subscriptionId.equalsIgnoreCase(sub))) {
            return new ArmError(404, "SubscriptionNotFound", "The subscription '" + sub + "' could not be found.").response();
        }
        return paged(call, workspaces.all().stream().filter(ws -> ws.subscriptionId.equalsIgnoreCase(sub))
                .map(ws -> resources.workspace(ws, workspaces.discoveryUrl(ws))).toList());
    }

    private Response createJob(Call call) throws Exception {
        Optional<FakeWorkspace> ws = workspace(call);
        if (ws.isEmpty()) {
            return missingWorkspace(call);
        }
        List<Violation> problems = checks.check("Jobs_CreateOrUpdate", "JobBaseResource", call);
        if (!problems.isEmpty()) {
            return invalid(problems);
        }
        ObjectNode properties = (ObjectNode) call.json().get("properties");
        Optional<String> unknown = PipelineSteps.unresolved(ws.get(), properties);
        if (unknown.isPresent()) {
            return ArmError.badRequest("UserError", unknown.get()).response();
        }
        boolean existed = ws.get().jobs.find(call.group(3)).isPresent();
        FakeJob job = ws.get().jobs.create(call.group(3), properties.path("jobType").asText(), properties.deepCopy());
        ObjectNode created = resources.job(ws.get(), job);
        if (job.jobType.equals("Command") || job.jobType.equals("Pipeline")) {
            realRuns.ifPresent(runs -> {
                ws.get().jobs.runForReal(job.name);
                if (job.jobType.equals("Pipeline")) {
                    runs.startPipeline(ws.get(), job);
                } else {
                    runs.start(ws.get(), job);
                }
            });
        }
        return Response.json(existed ? 200 : 201, created);
    }

    private Response getCode(Call call) {
        return inWorkspace(call, ws -> Optional.ofNullable(ws.codeVersions.get(call.group(3) + "/" + call.group(4))).map(Response::ok)
                .orElseGet(() -> ArmError.notFound("Microsoft.MachineLearningServices/workspaces/" + ws.name + "/codes/" + call.group(3)
                        + "/versions/" + call.group(4)).response()));
    }

    /** EnvironmentVersions_Get: a version put before (an inline environment's anonymous version), else 404. */
    private Response getEnvironment(Call call) {
        return inWorkspace(call, ws -> Optional.ofNullable(ws.environmentVersions.get(call.group(3) + "/" + call.group(4))).map(Response::ok)
                .orElseGet(() -> ArmError.notFound("Microsoft.MachineLearningServices/workspaces/" + ws.name + "/environments/"
                        + call.group(3) + "/versions/" + call.group(4)).response()));
    }

    /** ComponentVersions_Get: a version put before (a pipeline step's anonymous component), else 404. */
    private Response getComponent(Call call) {
        return inWorkspace(call, ws -> Optional.ofNullable(ws.componentVersions.get(call.group(3) + "/" + call.group(4))).map(Response::ok)
                .orElseGet(() -> ArmError.notFound("Microsoft.MachineLearningServices/workspaces/" + ws.name + "/components/"
                        + call.group(3) + "/versions/" + call.group(4)).response()));
    }

    /** CodeVersions_, EnvironmentVersions_ or ComponentVersions_CreateOrUpdate: 201 when new, 200 when it replaced a version. */
    private Response putVersion(Call call, String kind, String operation, String definition) throws Exception {
        Optional<FakeWorkspace> ws = workspace(call);
        if (ws.isEmpty()) {
            return missingWorkspace(call);
        }
        List<Violation> problems = checks.check(operation, definition, call);
        if (!problems.isEmpty()) {
            return invalid(problems);
        }
        var versions = switch (kind) {
            case "codes" -> ws.get().codeVersions;
            case "environments" -> ws.get().environmentVersions;
            default -> ws.get().componentVersions;
        };
        ObjectNode stored = resources.assetVersion(ws.get(), kind, call.group(3), call.group(4), (ObjectNode) call.json());
        boolean existed = versions.put(call.group(3) + "/" + call.group(4), stored) != null;
        return Response.json(existed ? 200 : 201, stored);
    }

    private Response startPendingUpload(Call call) {
        Optional<FakeWorkspace> ws = workspace(call);
        if (ws.isEmpty()) {
            return missingWorkspace(call);
        }
        List<Violation> problems = checks.check("CodeVersions_CreateOrGetStartPendingUpload", "PendingUploadRequestDto", call);
        if (!problems.isEmpty()) {
            return invalid(problems);
        }
        String uploadId = UUID.randomUUID().toString();
        storage.countPendingUpload();
        String sasUri = storage.blobs().containerSas(uploadId);
        ObjectNode body = Json.object();
        ObjectNode reference = body.putObject("blobReferenceForConsumption");
        reference.put("blobUri", storage.blobs().containerUrl(uploadId));
        reference.put("storageAccountArmId", "/subscriptions/" + ws.get().subscriptionId + "/resourceGroups/" + ws.get().resourceGroup
                + "/providers/Microsoft.Storage/storageAccounts/devstoreaccount1");
        reference.putObject("credential").put("credentialType", "SAS").put("sasUri", sasUri);
        body.put("pendingUploadId", uploadId);
        body.put("pendingUploadType", "TemporaryBlobReference");
        return Response.ok(body);
    }

    private Response paged(Call call, List<? extends JsonNode> items) {
        Paging.Page<? extends JsonNode> page = Paging.page(items, call.query("$skipToken"), options.pageSize());
        ObjectNode body = Json.object();
        ArrayNode value = body.putArray("value");
        page.items().forEach(value::add);
        if (page.token() != null) {
            body.put("nextLink", Paging.nextLink(call, page.token()));
        }
        return Response.ok(body);
    }

    private Optional<FakeWorkspace> workspace(Call call) {
        return workspaces.find(call.group(0), call.group(1), call.group(2));
    }

    Response inWorkspace(Call call, java.util.function.Function<FakeWorkspace, Response> answer) {
        return workspace(call).map(answer).orElseGet(() -> missingWorkspace(call));
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
