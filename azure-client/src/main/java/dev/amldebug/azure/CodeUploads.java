package dev.amldebug.azure;

import com.azure.core.http.HttpMethod;
import com.azure.core.http.policy.HttpLogDetailLevel;
import com.azure.core.http.policy.HttpLogOptions;
import com.azure.storage.blob.BlobContainerClient;
import com.azure.storage.blob.BlobContainerClientBuilder;
import com.azure.storage.blob.BlobUrlParts;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.amldebug.azure.config.WorkspaceId;
import dev.amldebug.azure.http.RestResponse;
import dev.amldebug.azure.http.What;
import dev.amldebug.errors.AmlDebugException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/**
 * Code snapshots as code versions: the version is the content hash; an existing version
 * (GET 200) means nothing is uploaded. Otherwise startPendingUpload gives a SAS URI, the files go to the
 * workspace storage with azure-storage-blob, and the version is PUT.
 */
public final class CodeUploads {
    static final String CODE_ASSET = "aml-debug-code";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final WorkspaceId id;
    private final AzureMlClient client;

    CodeUploads(WorkspaceId id, AzureMlClient client) {
        this.id = id;
        this.client = client;
    }

    /** {@code excluded} gets paths relative to {@code folder}. Returns the code version's ARM id. */
    public String uploadCode(Path folder, Predicate<Path> excluded) {
        return uploadCode(folder, excluded, TransferListener.NONE);
    }

    /** As {@link #uploadCode(Path, Predicate)}, telling {@code listener} the upload's bytes (when there is one). */
    public String uploadCode(Path folder, Predicate<Path> excluded, TransferListener listener) {
        List<String> files = SnapshotFiles.of(folder, excluded);
        JsonNode version = ensureVersion(CODE_ASSET, folder, files, listener);
        String versionId = Json.text(version, "id");
        return versionId != null ? versionId
                : id.armId() + "/codes/" + CODE_ASSET + "/versions/" + ContentHash.of(folder, files);
    }

    private JsonNode ensureVersion(String asset, Path root, List<String> files, TransferListener listener) {
        String hash = ContentHash.of(root, files);
        URI version = client.endpoints().resolve(id.armId() + "/codes/" + asset + "/versions/" + hash + "?" + AzureMlClient.ML_API);
        What what = What.of("code version " + asset + ":" + hash + " in workspace " + id.workspaceName(),
                "`aml-debug azure workspaces`");
        RestResponse existing = client.arm().send(HttpMethod.GET, version, null, Map.of(), what, 404);
        if (existing.status() != 404) {
            return existing.json();
        }
        JsonNode pending = client.arm().send(HttpMethod.POST, client.endpoints().resolve(id.armId() + "/codes/" + asset
                + "/versions/" + hash + "/startPendingUpload?" + AzureMlClient.ML_API),
                JSON.createObjectNode().put("pendingUploadType", "TemporaryBlobReference"), Map.of(), what).json();
        JsonNode reference = pending.path("blobReferenceForConsumption");
        String blobUri = Json.text(reference, "blobUri");
        String sasUri = Json.text(reference.path("credential"), "sasUri");
        if (blobUri == null || sasUri == null) {
            throw AmlDebugException.environment("Azure ML gave no upload location for " + asset + ": try again in a minute.", null);
        }
        upload(root, files, sasUri, listener);
        ObjectNode body = JSON.createObjectNode();
        body.putObject("properties").put("codeUri", blobUri).put("isAnonymous", true);
        return client.arm().send(HttpMethod.PUT, version, body, Map.of(), what).json();
    }

    private void upload(Path root, List<String> files, String sasUri, TransferListener listener) {
        BlobContainerClient container = new BlobContainerClientBuilder()
                .endpoint(sasUri)
                .httpClient(client.transport())
                .httpLogOptions(new HttpLogOptions().setLogLevel(HttpLogDetailLevel.NONE))
                .retryOptions(Pipelines.retryOptions())
                .buildClient();
        String prefix = BlobUrlParts.parse(sasUri).getBlobName();
        String folder = prefix == null || prefix.isEmpty() ? "" : (prefix.endsWith("/") ? prefix : prefix + "/");
        listener.started("Uploading the code snapshot of " + root.getFileName(), BlobTransfers.size(root, files));
        try {
            for (String relative : files) {
                BlobTransfers.upload(container.getBlobClient(folder + relative), root.resolve(relative), listener);
            }
        } catch (RuntimeException e) {
            throw AmlDebugException.environment("Uploading to the workspace storage failed: check your network and that the"
                    + " storage account allows access from here, then submit again.", null);
        } finally {
            listener.ended();
        }
    }
}
