package dev.amldebug.azurefake;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.amldebug.azurefake.http.ArmError;
import dev.amldebug.azurefake.http.Call;
import dev.amldebug.azurefake.http.Json;
import dev.amldebug.azurefake.http.Response;
import dev.amldebug.azurefake.schema.Violation;
import dev.amldebug.azurefake.workspace.FakeWorkspace;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * A workspace's code, environment and component versions (kind "codes", "environments" or "components"), and the
 * pending upload a code version's snapshot goes to.
 */
final class AssetVersionsApi {
    private final RequestChecks checks;
    private final FakeStorage storage;
    private final ArmResources resources;

    AssetVersionsApi(RequestChecks checks, FakeStorage storage, ArmResources resources) {
        this.checks = checks;
        this.storage = storage;
        this.resources = resources;
    }

    /**
     * CodeVersions_, EnvironmentVersions_ or ComponentVersions_Get: a version put before (an inline environment's or a
     * pipeline step's anonymous version), else 404.
     */
    Response get(Call call, FakeWorkspace ws, String kind) {
        return Optional.ofNullable(versions(ws, kind).get(call.group(3) + "/" + call.group(4))).map(Response::ok)
                .orElseGet(() -> ArmError.notFound("Microsoft.MachineLearningServices/workspaces/" + ws.name + "/" + kind + "/"
                        + call.group(3) + "/versions/" + call.group(4)).response());
    }

    /** CodeVersions_, EnvironmentVersions_ or ComponentVersions_CreateOrUpdate: 201 when new, 200 when it replaced a version. */
    Response put(Call call, FakeWorkspace ws, String kind, String operation, String definition) throws Exception {
        List<Violation> problems = checks.check(operation, definition, call);
        if (!problems.isEmpty()) {
            return ArmApi.invalid(problems);
        }
        ObjectNode stored = resources.assetVersion(ws, kind, call.group(3), call.group(4), (ObjectNode) call.json());
        boolean existed = versions(ws, kind).put(call.group(3) + "/" + call.group(4), stored) != null;
        return Response.json(existed ? 200 : 201, stored);
    }

    /** CodeVersions_CreateOrGetStartPendingUpload: a container of its own in Azurite, with a SAS to write it. */
    Response startPendingUpload(Call call, FakeWorkspace ws) {
        List<Violation> problems = checks.check("CodeVersions_CreateOrGetStartPendingUpload", "PendingUploadRequestDto", call);
        if (!problems.isEmpty()) {
            return ArmApi.invalid(problems);
        }
        String uploadId = UUID.randomUUID().toString();
        storage.countPendingUpload();
        String sasUri = storage.blobs().containerSas(uploadId);
        ObjectNode body = Json.object();
        ObjectNode reference = body.putObject("blobReferenceForConsumption");
        reference.put("blobUri", storage.blobs().containerUrl(uploadId));
        reference.put("storageAccountArmId", "/subscriptions/" + ws.subscriptionId + "/resourceGroups/" + ws.resourceGroup
                + "/providers/Microsoft.Storage/storageAccounts/devstoreaccount1");
        reference.putObject("credential").put("credentialType", "SAS").put("sasUri", sasUri);
        body.put("pendingUploadId", uploadId);
        body.put("pendingUploadType", "TemporaryBlobReference");
        return Response.ok(body);
    }

    private static Map<String, ObjectNode> versions(FakeWorkspace ws, String kind) {
        return switch (kind) {
            case "codes" -> ws.codeVersions;
            case "environments" -> ws.environmentVersions;
            default -> ws.componentVersions;
        };
    }
}
