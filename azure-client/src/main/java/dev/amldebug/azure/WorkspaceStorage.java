package dev.amldebug.azure;

import com.azure.core.http.HttpMethod;
import com.azure.core.http.policy.HttpLogDetailLevel;
import com.azure.core.http.policy.HttpLogOptions;
import com.azure.storage.blob.BlobContainerClient;
import com.azure.storage.blob.BlobContainerClientBuilder;
import com.azure.storage.blob.models.BlobItem;
import com.azure.storage.blob.models.ListBlobsOptions;
import com.azure.storage.blob.BlobUrlParts;
import com.azure.storage.common.StorageSharedKeyCredential;
import com.fasterxml.jackson.databind.JsonNode;
import dev.amldebug.azure.config.WorkspaceId;
import dev.amldebug.azure.http.What;
import dev.amldebug.errors.AmlDebugException;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import com.azure.storage.blob.models.BlobStorageException;
import java.util.HashMap;

/**
 * Reads the workspace's blob storage (the default datastore, {@code workspaceblobstore}) with the SAS that
 * Datastores_ListSecrets gives: a job's code snapshot (its code version's codeUri) and its file or folder inputs.
 * The SAS is asked for once, goes only to storage, and never into a message.
 */
public final class WorkspaceStorage {
    static final String DATASTORE = "workspaceblobstore";
    static final String DATASTORE_PATHS = "azureml://datastores/" + DATASTORE + "/paths/";
    private final WorkspaceId id;
    private final AzureMlClient client;
    private final Map<String, JsonNode> secrets = new HashMap<>();

    WorkspaceStorage(WorkspaceId id, AzureMlClient client) {
        this.id = id;
        this.client = client;
    }

    /** Downloads a code version's files (CodeVersions_Get's codeUri) into {@code to}; returns {@code to}. */
    public Path downloadCode(String codeId, Path to) {
        JsonNode version = client.arm().get(client.endpoints().resolve(codeId + "?" + AzureMlClient.ML_API),
                What.of("code " + codeId.replaceAll(".*/codes/", ""), "`aml-debug azure jobs show JOB`"));
        String codeUri = Json.text(version.path("properties"), "codeUri");
        if (codeUri == null) {
            throw AmlDebugException.notFound("The code version " + codeId + " names no files (no codeUri): the job's code cannot be"
                    + " downloaded.");
        }
        download(URI.create(codeUri), to, false);
        return to;
    }

    /** Whether a job input's uri is a blob this client can read: http(s), or a path of the default datastore. */
    public static boolean readable(String uri) {
        return uri != null && (uri.startsWith("https://") || uri.startsWith("http://") || uri.startsWith(DATASTORE_PATHS));
    }

    /**
     * A local file or folder as a job input, as the SDK sends one: uploaded to the default datastore under
     * LocalUpload/HASH/NAME (nothing is uploaded when that content is there already) and named by its datastore path,
     * {@code azureml://datastores/workspaceblobstore/paths/LocalUpload/HASH/NAME} (a folder's ends in '/'), which a job's
     * identity reads as the datastore allows (recorded in test_command_job_builder).
     */
    public URI uploadLocal(Path fileOrFolder) {
        return uploadLocal(fileOrFolder, TransferListener.NONE);
    }

    /** As {@link #uploadLocal(Path)}, telling {@code listener} the upload's bytes. */
    public URI uploadLocal(Path fileOrFolder, TransferListener listener) {
        boolean folder = Files.isDirectory(fileOrFolder);
        if (!folder && !Files.isRegularFile(fileOrFolder)) {
            throw AmlDebugException.badInput("The input " + fileOrFolder + " does not exist: give an existing file or folder,"
                    + " or an azureml: reference.");
        }
        Path root = folder ? fileOrFolder : fileOrFolder.toAbsolutePath().getParent();
        List<String> files = folder ? SnapshotFiles.of(fileOrFolder, path -> false) : List.of(fileOrFolder.getFileName().toString());
        String name = fileOrFolder.toAbsolutePath().normalize().getFileName().toString();
        String prefix = "LocalUpload/" + ContentHash.of(root, files) + "/" + (folder ? name + "/" : "");
        BlobContainerClient blobs = datastoreContainer(DATASTORE);
        listener.started("Uploading the input " + name, BlobTransfers.size(root, files));
        try {
            for (String relative : files) {
                var blob = blobs.getBlobClient(prefix + relative);
                if (blob.exists()) {
                    listener.transferred(BlobTransfers.size(root, List.of(relative)));
                } else {
                    BlobTransfers.upload(blob, root.resolve(relative), listener);
                }
            }
        } catch (RuntimeException e) {
            throw AmlDebugException.environment("Uploading " + fileOrFolder + " to the workspace's datastore " + DATASTORE
                    + " failed: check your network and that its storage account allows access from here.", null);
        } finally {
            listener.ended();
        }
        return URI.create(DATASTORE_PATHS + prefix + (folder ? "" : DataPlane.encode(files.get(0))));
    }

    /** A blob datastore's container (Datastores_Get: accountName, containerName, endpoint), with its secrets. */
    BlobContainerClient datastoreContainer(String datastore) {
        JsonNode properties = client.arm().get(client.endpoints().resolve(id.armId() + "/datastores/" + datastore + "?"
                + AzureMlClient.ML_API), What.of("datastore " + datastore + " of workspace " + id.workspaceName(),
                "`aml-debug azure workspaces`")).path("properties");
        String account = Json.text(properties, "accountName");
        String container = client.endpoints().blobService(account, properties.path("endpoint").asText("core.windows.net"))
                + "/" + Json.text(properties, "containerName");
        return authorized(new BlobContainerClientBuilder(), container, account, datastore).httpClient(client.transport())
                .httpLogOptions(new HttpLogOptions().setLogLevel(HttpLogDetailLevel.NONE))
                .retryOptions(Pipelines.retryOptions()).buildClient();
    }

    /**
     * Downloads a blob URI: a folder (every blob under it, keeping paths) into {@code to}, or a file as {@code to/NAME}.
     * Returns the local path of what was named: the folder, or the file.
     */
    public Path download(URI uri, Path to, boolean file) {
        if (uri.toString().startsWith(DATASTORE_PATHS)) {
            BlobContainerClient blobs = datastoreContainer(DATASTORE);
            return download(URI.create(blobs.getBlobContainerUrl() + "/" + uri.toString().substring(DATASTORE_PATHS.length())), to, file);
        }
        BlobUrlParts parts = BlobUrlParts.parse(uri.toString());
        String prefix = parts.getBlobName() == null ? "" : parts.getBlobName();
        String container = uri.toString().substring(0, uri.toString().indexOf(parts.getBlobContainerName())
                + parts.getBlobContainerName().length());
        BlobContainerClient blobs = authorized(new BlobContainerClientBuilder(), container, parts.getAccountName(), DATASTORE)
                .httpClient(client.transport()).httpLogOptions(new HttpLogOptions().setLogLevel(HttpLogDetailLevel.NONE))
                .retryOptions(Pipelines.retryOptions()).buildClient();
        try {
            if (file) {
                Path target = to.resolve(prefix.substring(prefix.lastIndexOf('/') + 1));
                Files.createDirectories(to);
                blobs.getBlobClient(prefix).downloadToFile(target.toString(), true);
                return target;
            }
            String folder = prefix.isEmpty() || prefix.endsWith("/") ? prefix : prefix + "/";
            Files.createDirectories(to);
            for (BlobItem item : blobs.listBlobs(new ListBlobsOptions().setPrefix(folder), null)) {
                Path target = to.resolve(item.getName().substring(folder.length())).normalize();
                if (target.startsWith(to) && !target.equals(to)) {
                    Files.createDirectories(target.getParent());
                    blobs.getBlobClient(item.getName()).downloadToFile(target.toString(), true);
                }
            }
            return to;
        } catch (IOException e) {
            throw AmlDebugException.environment("Cannot write under " + to + ": check that it is writable.", e);
        } catch (BlobStorageException e) {
            if (e.getStatusCode() == 404) {
                throw AmlDebugException.notFound(parts.getBlobContainerName() + "/" + prefix + " is not in the workspace storage:"
                        + " it was moved or deleted; give a local copy instead.");
            }
            throw downloadFailed(parts.getBlobContainerName() + "/" + prefix);
        } catch (RuntimeException e) {
            throw downloadFailed(parts.getBlobContainerName() + "/" + prefix);
        }
    }

    private static AmlDebugException downloadFailed(String what) {
        return AmlDebugException.environment("Downloading " + what + " from the workspace storage failed: check your network"
                + " and that the storage account allows access from here.", null);
    }

    /** With the datastore's SAS token, or its account key (the two kinds of secrets a blob datastore has). */
    private BlobContainerClientBuilder authorized(BlobContainerClientBuilder builder, String container, String account,
                                                  String datastore) {
        JsonNode found = secrets(datastore);
        String token = Json.text(found, "sasToken");
        if (token != null) {
            return builder.endpoint(container + "?" + (token.startsWith("?") ? token.substring(1) : token));
        }
        String key = Json.text(found, "key");
        if (key != null) {
            return builder.endpoint(container).credential(new StorageSharedKeyCredential(account, key));
        }
        throw AmlDebugException.environment("The workspace's datastore " + datastore + " gives neither a SAS token nor an account"
                + " key (" + Json.text(found, "secretsType") + " secrets): download the job's files yourself and pass them with"
                + " --input NAME=PATH.", null);
    }

    private synchronized JsonNode secrets(String datastore) {
        return secrets.computeIfAbsent(datastore, name -> client.arm().send(HttpMethod.POST, client.endpoints().resolve(
                id.armId() + "/datastores/" + name + "/listSecrets?" + AzureMlClient.ML_API), null, Map.of(),
                What.of("datastore " + name + " of workspace " + id.workspaceName(), "`aml-debug azure workspaces`")).json());
    }
}
