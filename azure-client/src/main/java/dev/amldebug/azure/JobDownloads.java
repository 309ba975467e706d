package dev.amldebug.azure;

import com.azure.core.http.policy.HttpLogDetailLevel;
import com.azure.core.http.policy.HttpLogOptions;
import com.azure.storage.blob.BlobClientBuilder;
import dev.amldebug.azure.config.WorkspaceId;
import dev.amldebug.azure.http.What;
import dev.amldebug.errors.AmlDebugException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** A job's outputs/ and logs to a local folder, keeping their paths; nothing is written outside that folder. */
public final class JobDownloads {
    private static final Logger LOG = LoggerFactory.getLogger(JobDownloads.class);
    private final WorkspaceId id;
    private final AzureMlClient client;
    private final DataPlane dataPlane;

    JobDownloads(WorkspaceId id, AzureMlClient client, DataPlane dataPlane) {
        this.id = id;
        this.client = client;
        this.dataPlane = dataPlane;
    }

    /** Neither outputs nor logs asked for means both. Returns the folder. */
    public Path download(String jobName, boolean outputs, boolean logs, Path to) {
        boolean both = !outputs && !logs;
        List<String> prefixes = new ArrayList<>();
        if (outputs || both) {
            prefixes.add("outputs/");
        }
        if (logs || both) {
            prefixes.addAll(List.of(JobLogs.LOG_FOLDERS));
        }
        Path root = to.toAbsolutePath().normalize();
        What what = what(jobName);
        Artifacts artifacts = new Artifacts(dataPlane);
        for (String prefix : prefixes) {
            for (LogFile file : artifacts.list(jobName, prefix, what)) {
                Path target = root.resolve(file.name()).normalize();
                if (!target.startsWith(root) || target.equals(root)) {
                    LOG.warn("Skipped artifact {} of job {}: its path leads outside {}", file.name(), jobName, root);
                    continue;
                }
                fetch(file, target);
            }
        }
        return root;
    }

    /** The paths (relative to outputs/) of the job's outputs, for the tree's Outputs node. */
    public List<String> outputFiles(String jobName) {
        List<String> paths = new ArrayList<>();
        for (LogFile file : new Artifacts(dataPlane).list(jobName, "outputs/", what(jobName))) {
            paths.add(file.name().startsWith("outputs/") ? file.name().substring("outputs/".length()) : file.name());
        }
        return paths;
    }

    private What what(String jobName) {
        return What.of("job " + jobName + " in workspace " + id.workspaceName(), "`aml-debug azure jobs list`");
    }

    private void fetch(LogFile file, Path target) {
        try {
            Files.createDirectories(target.getParent());
        } catch (IOException e) {
            throw AmlDebugException.environment("Cannot create " + target.getParent() + ": check that it is writable.", e);
        }
        try {
            new BlobClientBuilder()
                    .endpoint(file.url().toString())
                    .httpClient(client.transport())
                    .httpLogOptions(new HttpLogOptions().setLogLevel(HttpLogDetailLevel.NONE))
                    .retryOptions(Pipelines.retryOptions())
                    .buildClient()
                    .downloadToFile(target.toString(), true);
        } catch (RuntimeException e) {
            throw AmlDebugException.environment("Downloading " + file.name() + " failed: check your network, then run the"
                    + " download again.", null);
        }
    }
}
