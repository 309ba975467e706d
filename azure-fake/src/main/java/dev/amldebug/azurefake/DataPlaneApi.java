package dev.amldebug.azurefake;

import dev.amldebug.azurefake.workspace.FakeWorkspace;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.amldebug.azurefake.http.ArmError;
import dev.amldebug.azurefake.http.Call;
import dev.amldebug.azurefake.http.Json;
import dev.amldebug.azurefake.http.Paging;
import dev.amldebug.azurefake.http.Response;
import dev.amldebug.azurefake.http.Router;
import dev.amldebug.azurefake.jobs.FakeJob;
import dev.amldebug.azurefake.schema.Violation;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** The workspace data plane: discovery, run history (details, children, experiments) and the artifacts listing. */
final class DataPlaneApi {
    private static final String SCOPE = "/subscriptions/{s}/resourceGroups/{g}/providers/Microsoft.MachineLearningServices/workspaces/{w}";
    static final String HISTORY = "/history/v1.0" + SCOPE;
    static final String ARTIFACTS = "/artifact/v2.0" + SCOPE;
    /** What Azure ML answers from a workspace behind a private endpoint when called from a public network. */
    static final String PRIVATE_LINK_MESSAGE = "Public network access is disabled for this workspace. The request was made from a network that is "
            + "not connected to the workspace's private endpoint.";
    private static final List<String> LOG_FOLDERS = List.of("user_logs/", "azureml-logs/", "logs/");
    private final FakeAzureMlOptions options;
    private final Workspaces workspaces;
    private final FakeStorage storage;
    private final RequestChecks checks;

    DataPlaneApi(FakeAzureMlOptions options, Workspaces workspaces, FakeStorage storage, RequestChecks checks) {
        this.options = options;
        this.workspaces = workspaces;
        this.storage = storage;
        this.checks = checks;
    }

    void register(Router router) {
        router.add("GET", "/discovery/workspaces/{s}/{g}/{w}", this::discovery)
                .add("GET", HISTORY + "/runs/{r}/details", c -> inWorkspace(c, ws -> run(c, ws).map(j -> Response.ok(details(ws, j))).orElseGet(() -> noRun(c))))
                .add("GET", HISTORY + "/runs/{r}", c -> inWorkspace(c, ws -> run(c, ws).map(j -> Response.ok(details(ws, j))).orElseGet(() -> noRun(c))))
                .add("POST", HISTORY + "/rundata", c -> inWorkspace(c, ws -> runData(c, ws)))
                .add("GET", HISTORY + "/runs/{r}/children", c -> inWorkspace(c, ws -> run(c, ws).map(j -> children(c, ws, j)).orElseGet(() -> noRun(c))))
                .add("POST", HISTORY + "/experiments:query", c -> inWorkspace(c, ws -> experiments(c, ws)))
                .add("GET", ARTIFACTS + "/artifacts/prefix/contentinfo/ExperimentRun/{d}", c -> inWorkspace(c, ws -> contentInfo(c, ws)));
    }

    private Response discovery(Call call) {
        return workspaces.find(call.group(0), call.group(1), call.group(2)).map(ws -> {
            String host = workspaces.dataPlaneOrigin(ws);
            ObjectNode body = Json.object();
            for (String service : List.of("api", "catalog", "experimentation", "history", "instrumentation", "modelmanagement", "pipelines", "studiometadata")) {
                body.put(service, host);
            }
            return Response.ok(body);
        }).orElseGet(() -> ArmError.notFound("workspace " + call.group(2)).response());
    }

    private Optional<FakeJob> run(Call call, FakeWorkspace ws) {
        return ws.jobs.find(call.group(3));
    }

    private ObjectNode details(FakeWorkspace ws, FakeJob job) {
        ObjectNode body = Json.object();
        body.put("runId", job.name);
        body.put("runUuid", UUID.nameUUIDFromBytes(job.name.getBytes(StandardCharsets.UTF_8)).toString());
        if (job.parentName != null) {
            body.put("parentRunId", job.parentName);
            body.put("runType", "azureml.StepRun");
        }
        body.put("displayName", job.displayName);
        body.put("status", job.status);
        body.put("target", job.computeId == null ? "local" : job.computeId.substring(job.computeId.lastIndexOf('/') + 1));
        body.put("startTimeUtc", instant(job.startTime));
        body.put("endTimeUtc", instant(job.endTime));
        ObjectNode logFiles = body.putObject("logFiles");
        if (storage.started()) {
            for (String file : storage.blobs().files(job.name, "")) {
                if (LOG_FOLDERS.stream().anyMatch(file::startsWith)) {
                    logFiles.put(file, storage.blobs().fileSas(job.name, file));
                }
            }
        }
        return body;
    }

    /**
     * POST rundata {runId, selectRunMetadata, ...}: the run's metadata, where dataContainerId names the folder of its
     * artifacts (ExperimentRun/dcid.RUN in workspaceartifactstore), as recorded in test_pipeline_job_download.
     */
    private Response runData(Call call, FakeWorkspace ws) throws IOException {
        String runId = call.json().path("runId").asText("");
        return ws.jobs.find(runId).map(job -> {
            ObjectNode metadata = details(ws, job);
            metadata.remove("logFiles");
            metadata.put("dataContainerId", "dcid." + job.name);
            ObjectNode body = Json.object();
            body.set("runMetadata", metadata);
            return Response.ok(body);
        }).orElseGet(() -> noRun(call.withGroups(List.of(call.group(0), call.group(1), call.group(2), runId))));
    }

    private Response children(Call call, FakeWorkspace ws, FakeJob parent) {
        List<ObjectNode> items = ws.jobs.children(parent.name).stream().map(child -> {
            ObjectNode item = Json.object().put("runId", child.name).put("displayName", child.displayName).put("status", child.status)
                    .put("parentRunId", parent.name);
            item.put("startTimeUtc", instant(child.startTime));
            item.put("endTimeUtc", instant(child.endTime));
            return item;
        }).toList();
        return continued(items, call.query("continuationToken"));
    }

    private Response experiments(Call call, FakeWorkspace ws) throws Exception {
        List<Violation> problems = checks.check("Experiments_Query", "ExperimentsQuery", call);
        if (!problems.isEmpty()) {
            return ArmApi.invalid(problems);
        }
        var query = call.json();
        List<ObjectNode> items = ws.jobs.experiments().stream().map(name -> Json.object()
                .put("experimentId", UUID.nameUUIDFromBytes(name.getBytes(StandardCharsets.UTF_8)).toString())
                .put("name", name).put("createdUtc", "2024-10-01T00:00:00Z")).toList();
        int size = query.path("top").asInt(options.dataPlanePageSize());
        return continued(items, query.path("continuationToken").asText(null), size);
    }

    private Response contentInfo(Call call, FakeWorkspace ws) {
        String runId = call.group(3).startsWith("dcid.") ? call.group(3).substring(5) : call.group(3);
        if (ws.jobs.find(runId).isEmpty()) {
            return noRun(call.withGroups(List.of(call.group(0), call.group(1), call.group(2), runId)));
        }
        String prefix = Optional.ofNullable(call.query("path")).orElse("");
        List<ObjectNode> items = !storage.started() ? List.of() : storage.blobs().files(runId, prefix).stream().map(file -> Json.object()
                .put("path", file).put("contentUri", storage.blobs().fileSas(runId, file)).put("origin", "ExperimentRun")
                .put("container", "dcid." + runId)).toList();
        return continued(items, call.query("continuationToken"));
    }

    private Response continued(List<ObjectNode> items, String token) {
        return continued(items, token, options.dataPlanePageSize());
    }

    private Response continued(List<ObjectNode> items, String token, int size) {
        Paging.Page<ObjectNode> page = Paging.page(items, token, size);
        ObjectNode body = Json.object();
        ArrayNode value = body.putArray("value");
        page.items().forEach(value::add);
        if (page.token() != null) {
            body.put("continuationToken", page.token());
        }
        return Response.ok(body);
    }

    private Response inWorkspace(Call call, WorkspaceAnswer answer) throws Exception {
        Optional<FakeWorkspace> ws = workspaces.find(call.group(0), call.group(1), call.group(2));
        if (ws.isEmpty()) {
            return ArmError.notFound("workspace " + call.group(2)).response();
        }
        if (ws.get().privateLink == FakeWorkspace.PrivateLink.FORBIDDEN) {
            return privateLinkForbidden();
        }
        return answer.apply(ws.get());
    }

    static Response privateLinkForbidden() {
        ObjectNode body = Json.object();
        ObjectNode error = body.putObject("error");
        error.put("code", "UserError");
        error.putNull("severity");
        error.put("message", PRIVATE_LINK_MESSAGE);
        error.putObject("innerError").put("code", "PrivateLinkAccessDenied");
        body.put("correlation", UUID.randomUUID().toString());
        return Response.json(403, body);
    }

    private Response noRun(Call call) {
        return new ArmError(404, "UserError", "Run " + call.group(3) + " was not found.").response();
    }

    private static String instant(Instant instant) {
        return instant == null ? null : instant.toString();
    }
}
