package dev.amldebug.azurefake;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.amldebug.azurefake.blobs.BlobStore;
import dev.amldebug.azurefake.http.ArmError;
import dev.amldebug.azurefake.http.Call;
import dev.amldebug.azurefake.http.Json;
import dev.amldebug.azurefake.http.Response;
import dev.amldebug.azurefake.schema.Violation;
import dev.amldebug.azurefake.workspace.FakeWorkspace;
import java.util.List;

/**
 * A workspace's two blob datastores, in Azurite under account devstoreaccount1: workspaceblobstore (the default,
 * container {@link BlobStore#DATASTORE_CONTAINER}, where local inputs go) and workspaceartifactstore (container
 * "azureml", as recorded, where runs keep ExperimentRun/dcid.RUN/).
 */
final class DatastoreApi {
    private final RequestChecks checks;
    private final FakeStorage storage;

    DatastoreApi(RequestChecks checks, FakeStorage storage) {
        this.checks = checks;
        this.storage = storage;
    }

    /** Datastores_ListSecrets: a SAS (SasDatastoreSecrets) that reads, lists and writes the workspace storage. */
    Response listSecrets(Call call, FakeWorkspace ws) {
        List<Violation> problems = checks.check("Datastores_ListSecrets", null, call);
        if (!problems.isEmpty()) {
            return ArmApi.invalid(problems);
        }
        if (container(call.group(3)) == null) {
            return missing(call, ws);
        }
        return Response.ok(Json.object().put("secretsType", "Sas").put("sasToken", storage.blobs().accountSas()));
    }

    /** Datastores_Get: an AzureBlob datastore, as the spec's Datastore/get example has one. */
    Response get(Call call, FakeWorkspace ws) {
        String name = call.group(3);
        String container = container(name);
        if (container == null) {
            return missing(call, ws);
        }
        storage.blobs().container(container);
        ObjectNode body = Json.object().put("id", ws.armId() + "/datastores/" + name).put("name", name)
                .put("type", "Microsoft.MachineLearningServices/workspaces/datastores");
        ObjectNode properties = body.putObject("properties").put("datastoreType", "AzureBlob")
                .put("isDefault", name.equals("workspaceblobstore"))
                .put("accountName", "devstoreaccount1").put("containerName", container)
                .put("endpoint", "core.windows.net").put("protocol", "https").put("serviceDataAccessAuthIdentity", "None");
        properties.putObject("credentials").put("credentialsType", "AccountKey");
        return Response.ok(body);
    }

    private static String container(String datastore) {
        return switch (datastore) {
            case "workspaceblobstore" -> BlobStore.DATASTORE_CONTAINER;
            case "workspaceartifactstore" -> BlobStore.RUNS_CONTAINER;
            default -> null;
        };
    }

    private static Response missing(Call call, FakeWorkspace ws) {
        return ArmError.notFound("Microsoft.MachineLearningServices/workspaces/" + ws.name + "/datastores/" + call.group(3)).response();
    }
}
