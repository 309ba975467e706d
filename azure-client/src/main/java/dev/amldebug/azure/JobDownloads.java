package dev.amldebug.azure;

import com.azure.core.http.HttpMethod;
import com.azure.storage.blob.BlobContainerClient;
import com.azure.storage.blob.models.BlobItem;
import com.azure.storage.blob.models.BlobStorageException;
import com.azure.storage.blob.models.ListBlobsOptions;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.amldebug.azure.config.WorkspaceId;
import dev.amldebug.azure.http.What;
import dev.amldebug.errors.AmlDebugException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A job's outputs/ and logs to a local folder, keeping their paths; nothing is written outside that folder. As the SDK
 * downloads (recorded in test_pipeline_job_download): run history's rundata names the run's artifact folder
 * ({@code dataContainerId}: a reused step's is the original run's), whose blobs are listed and read in the
 * workspaceartifactstore datastore; an empty blob (416 InvalidRange to a Range read) is an empty file.
 */
public final class JobDownloads {
    private static final Logger LOG = LoggerFactory.getLogger(JobDownloads.class);
    private final WorkspaceId id;
    static final String ARTIFACT_STORE = "workspaceartifactstore";
    private static final ObjectMapper JSON = new ObjectMapper();
    private final WorkspaceStorage storage;
    private final DataPlane dataPlane;

    JobDownloads(WorkspaceId id, WorkspaceStorage storage, DataPlane dataPlane) {
        this.id = id;
        this.storage = storage;
        this.dataPlane = dataPlane;
    }

    /** Neither outputs nor logs asked for means both. Returns the folder. */
    public Path download(String jobName, boolean outputs, boolean logs, Path to) {
        return download(jobName, outputs, logs, to, TransferListener.NONE);
    }

    /** As {@link #download(String, boolean, boolean, Path)}, telling {@code listener} the bytes as they come. */
    public Path download(String jobName, boolean outputs, boolean logs, Path to, TransferListener listener) {
        boolean both = !outputs && !logs;
        List<String> prefixes = new ArrayList<>();
        if (outputs || both) {
            prefixes.add("outputs/");
        }
        if (logs || both) {
            prefixes.addAll(List.of(JobLogs.LOG_FOLDERS));
        }
        Path root = to.toAbsolutePath().normalize();
        String folder = artifactFolder(jobName);
        BlobContainerClient store = storage.datastoreContainer(ARTIFACT_STORE);
        List<BlobItem> blobs = new ArrayList<>();
        for (String prefix : prefixes) {
            blobs.addAll(list(store, folder + prefix, jobName));
        }
        listener.started("Downloading job " + jobName, blobs.stream().mapToLong(JobDownloads::size).sum());
        try {
            for (BlobItem blob : blobs) {
                String name = blob.getName().substring(folder.length());
                Path target = root.resolve(name).normalize();
                if (!target.startsWith(root) || target.equals(root)) {
                    LOG.warn("Skipped artifact {} of job {}: its path leads outside {}", name, jobName, root);
                    listener.transferred(size(blob));
                    continue;
                }
                fetch(store, blob, name, target, listener);
            }
        } finally {
            listener.ended();
        }
        return root;
    }

    /** The paths (relative to outputs/) of the job's outputs, for the tree's Outputs node. */
    public List<String> outputFiles(String jobName) {
        String folder = artifactFolder(jobName) + "outputs/";
        List<String> paths = new ArrayList<>();
        for (BlobItem blob : list(storage.datastoreContainer(ARTIFACT_STORE), folder, jobName)) {
            paths.add(blob.getName().substring(folder.length()));
        }
        return paths;
    }

    /** ExperimentRun/DCID/, the run's folder in the artifact store, from rundata's runMetadata.dataContainerId. */
    private String artifactFolder(String jobName) {
        ObjectNode query = JSON.createObjectNode().put("runId", jobName).put("selectRunMetadata", true);
        JsonNode metadata = dataPlane.rest().send(HttpMethod.POST, dataPlane.runHistory("/rundata"), query, Map.of(), what(jobName))
                .json().path("runMetadata");
        String container = Json.text(metadata, "dataContainerId");
        return "ExperimentRun/" + (container != null ? container : "dcid." + jobName) + "/";
    }

    private List<BlobItem> list(BlobContainerClient store, String prefix, String jobName) {
        try {
            List<BlobItem> blobs = new ArrayList<>();
            store.listBlobs(new ListBlobsOptions().setPrefix(prefix), null).forEach(blobs::add);
            return blobs;
        } catch (RuntimeException e) {
            throw AmlDebugException.environment("Listing the files of job " + jobName + " in the workspace's "
                    + ARTIFACT_STORE + " failed: check your network and that its storage account allows access from here.", null);
        }
    }

    private What what(String jobName) {
        return What.of("job " + jobName + " in workspace " + id.workspaceName(), "`aml-debug azure jobs list`");
    }

    private static long size(BlobItem blob) {
        Long length = blob.getProperties() == null ? null : blob.getProperties().getContentLength();
        return length == null ? 0 : length;
    }

    private void fetch(BlobContainerClient store, BlobItem blob, String name, Path target, TransferListener listener) {
        try {
            Files.createDirectories(target.getParent());
        } catch (IOException e) {
            throw AmlDebugException.environment("Cannot create " + target.getParent() + ": check that it is writable.", e);
        }
        try {
            BlobTransfers.download(store.getBlobClient(blob.getName()), target.toString(), size(blob), listener);
        } catch (BlobStorageException e) {
            if (e.getStatusCode() != 416) {
                throw failed(name);
            }
            writeEmpty(target); // the service's answer to a Range read of an empty blob
        } catch (RuntimeException e) {
            throw failed(name);
        }
    }

    private static void writeEmpty(Path target) {
        try {
            Files.write(target, new byte[0]);
        } catch (IOException e) {
            throw AmlDebugException.environment("Cannot write " + target + ": check that it is writable.", e);
        }
    }

    private static AmlDebugException failed(String name) {
        return AmlDebugException.environment("Downloading " + name + " failed: check your network, then run the download again.", null);
    }
}
