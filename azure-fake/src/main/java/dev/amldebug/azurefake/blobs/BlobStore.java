package dev.amldebug.azurefake.blobs;

import com.azure.storage.blob.BlobContainerClient;
import com.azure.storage.blob.BlobServiceClient;
import com.azure.storage.blob.BlobServiceClientBuilder;
import com.azure.storage.blob.models.ListBlobsOptions;
import com.azure.storage.blob.sas.BlobContainerSasPermission;
import com.azure.storage.blob.sas.BlobSasPermission;
import com.azure.storage.blob.sas.BlobServiceSasSignatureValues;
import com.azure.storage.blob.specialized.AppendBlobClient;
import com.azure.storage.common.StorageSharedKeyCredential;
import com.azure.storage.common.sas.AccountSasPermission;
import com.azure.storage.common.sas.AccountSasResourceType;
import com.azure.storage.common.sas.AccountSasService;
import com.azure.storage.common.sas.AccountSasSignatureValues;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.util.List;

/**
 * The workspace storage, in Azurite: job logs and outputs (container "azureml", ExperimentRun/dcid.RUN/...), pending
 * uploads (a container per upload), and SAS URLs that point at the pass-through so reads can be counted.
 */
public final class BlobStore {
    public static final String RUNS_CONTAINER = "azureml";
    /** The default datastore's (workspaceblobstore's) container. */
    public static final String DATASTORE_CONTAINER = "azureml-blobstore";
    private static final int MAX_APPEND_BLOCK = 4 * 1024 * 1024;
    private final BlobServiceClient service;
    private final String publicEndpoint;

    public BlobStore(String azuriteEndpoint, String publicEndpoint) {
        this.service = new BlobServiceClientBuilder().endpoint(azuriteEndpoint)
                .credential(new StorageSharedKeyCredential(Azurite.ACCOUNT, Azurite.KEY)).buildClient();
        this.publicEndpoint = publicEndpoint;
    }

    public static String runPrefix(String runId) {
        return "ExperimentRun/dcid." + runId + "/";
    }

    public BlobContainerClient container(String name) {
        BlobContainerClient container = service.getBlobContainerClient(name);
        container.createIfNotExists();
        return container;
    }

    /** Appends bytes to a job's file (an append blob, made on first use). */
    public void append(String runId, String file, byte[] bytes) {
        AppendBlobClient blob = container(RUNS_CONTAINER).getBlobClient(runPrefix(runId) + file).getAppendBlobClient();
        blob.createIfNotExists();
        for (int at = 0; at < bytes.length; at += MAX_APPEND_BLOCK) {
            int length = Math.min(MAX_APPEND_BLOCK, bytes.length - at);
            blob.appendBlock(new ByteArrayInputStream(bytes, at, length), length);
        }
    }

    /** Writes a job's output file whole. */
    public void upload(String runId, String file, byte[] bytes) {
        container(RUNS_CONTAINER).getBlobClient(runPrefix(runId) + file).upload(new ByteArrayInputStream(bytes), bytes.length, true);
    }

    /** A job's files under a folder ("" for all), relative to the run's folder, in name order. */
    public List<String> files(String runId, String folder) {
        String prefix = runPrefix(runId);
        return container(RUNS_CONTAINER).listBlobs(new ListBlobsOptions().setPrefix(prefix + folder), null).stream()
                .map(item -> item.getName().substring(prefix.length())).sorted().toList();
    }

    public byte[] read(String container, String blob) {
        return service.getBlobContainerClient(container).getBlobClient(blob).downloadContent().toBytes();
    }

    /** A read SAS URL for one of a job's files, valid for an hour. */
    public String fileSas(String runId, String file) {
        var blob = service.getBlobContainerClient(RUNS_CONTAINER).getBlobClient(runPrefix(runId) + file);
        String sas = blob.generateSas(new BlobServiceSasSignatureValues(OffsetDateTime.now().plusHours(1), new BlobSasPermission().setReadPermission(true)));
        return publicUrl(RUNS_CONTAINER + "/" + encodePath(runPrefix(runId) + file)) + "?" + sas;
    }

    /** A container for one pending upload, with a SAS that lets the client write and list it. */
    public String containerSas(String container) {
        BlobContainerClient client = container(container);
        String sas = client.generateSas(new BlobServiceSasSignatureValues(OffsetDateTime.now().plusHours(1),
                new BlobContainerSasPermission().setReadPermission(true).setAddPermission(true).setCreatePermission(true)
                        .setWritePermission(true).setListPermission(true)));
        return containerUrl(container) + "?" + sas;
    }

    /** An account SAS that reads, lists and writes every container: what Datastores_ListSecrets gives for workspaceblobstore (whose account key allows as much). */
    public String accountSas() {
        return service.generateAccountSas(new AccountSasSignatureValues(OffsetDateTime.now().plusHours(1),
                AccountSasPermission.parse("rlacw"), AccountSasService.parse("b"),
                AccountSasResourceType.parse("sco")));
    }

    public String containerUrl(String container) {
        return publicUrl(container);
    }

    /**
     * Downloads every blob under a URL of this storage ({@code .../ACCOUNT/CONTAINER[/PREFIX]}, as a code version's
     * codeUri or a job input's uri names it) into a folder, keeping the paths below the prefix; a single blob goes
     * in under its own name. Returns the number of files.
     */
    public int download(String url, Path to) throws IOException {
        String path = URI.create(url).getPath();
        String marker = "/" + Azurite.ACCOUNT + "/";
        int at = path.indexOf(marker);
        if (at < 0) {
            throw new IllegalArgumentException("Not a URL of the workspace storage: " + url);
        }
        String rest = URLDecoder.decode(path.substring(at + marker.length()), StandardCharsets.UTF_8);
        int slash = rest.indexOf('/');
        String container = slash < 0 ? rest : rest.substring(0, slash);
        String prefix = slash < 0 ? "" : rest.substring(slash + 1);
        BlobContainerClient client = service.getBlobContainerClient(container);
        int count = 0;
        for (var item : client.listBlobs(new ListBlobsOptions().setPrefix(prefix), null)) {
            String relative = item.getName().equals(prefix) ? item.getName().substring(item.getName().lastIndexOf('/') + 1)
                    : item.getName().substring(prefix.isEmpty() || prefix.endsWith("/") ? prefix.length() : prefix.length() + 1);
            Path target = to.resolve(relative).normalize();
            if (!target.startsWith(to)) {
                continue;
            }
            Files.createDirectories(target.getParent());
            client.getBlobClient(item.getName()).downloadToFile(target.toString(), true);
            count++;
        }
        return count;
    }

    public List<String> blobNames(String container) {
        return service.getBlobContainerClient(container).listBlobs().stream().map(b -> b.getName()).sorted().toList();
    }

    private String publicUrl(String path) {
        return publicEndpoint + "/" + path;
    }

    private static String encodePath(String path) {
        return URLEncoder.encode(path, StandardCharsets.UTF_8).replace("+", "%20").replace("%2F", "/");
    }
}
