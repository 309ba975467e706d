package dev.amldebug.azurefake.runs;

import com.fasterxml.jackson.databind.JsonNode;
import dev.amldebug.azurefake.workspace.FakeWorkspace;
import dev.amldebug.azurefake.blobs.BlobStore;
import dev.amldebug.azurefake.jobs.FakeJob;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;

/** What a job brings to the stand-in compute from the workspace storage: its code snapshot, its inputs, its command. */
final class JobFiles {
    private final Supplier<BlobStore> blobs;

    JobFiles(Supplier<BlobStore> blobs) {
        this.blobs = blobs;
    }

    /** Inputs in the workspace storage, downloaded as the compute mounts them; returns each one's path in the container. */
    Map<String, String> downloadInputs(FakeJob job, Path to) throws IOException {
        Map<String, String> paths = new LinkedHashMap<>();
        var inputs = job.submitted.path("inputs").fields();
        while (inputs.hasNext()) {
            var input = inputs.next();
            String uri = datastorePath(input.getValue().path("uri").asText(""));
            if (uri.startsWith("http")) {
                Path folder = to.resolve(input.getKey());
                Files.createDirectories(folder);
                blobs.get().download(uri, folder);
                boolean file = input.getValue().path("jobInputType").asText().equals("uri_file");
                String inside = JobContainers.INPUTS + "/" + input.getKey();
                paths.put(input.getKey(), file ? inside + "/" + uri.substring(uri.lastIndexOf('/') + 1) : inside);
            }
        }
        return paths;
    }

    /** A default datastore path (azureml://datastores/workspaceblobstore/paths/P) as the blob URL it names; others as they are. */
    private String datastorePath(String uri) {
        String prefix = "azureml://datastores/workspaceblobstore/paths/";
        return uri.startsWith(prefix)
                ? blobs.get().containerUrl(BlobStore.DATASTORE_CONTAINER) + "/" + uri.substring(prefix.length())
                : uri;
    }

    /** The job's command with its literal inputs in place (as Azure ML substitutes ${{inputs.NAME}}). */
    static String command(JsonNode submitted, Map<String, String> downloaded) {
        String command = submitted.path("command").asText();
        var inputs = submitted.path("inputs").fields();
        while (inputs.hasNext()) {
            var input = inputs.next();
            String value = downloaded.containsKey(input.getKey()) ? downloaded.get(input.getKey())
                    : input.getValue().has("value") ? input.getValue().path("value").asText() : input.getValue().path("uri").asText();
            command = command.replace("${{inputs." + input.getKey() + "}}", value);
        }
        return command;
    }

    /** The job's code snapshot ({@code submitted.codeId}), from the workspace storage. */
    void download(FakeWorkspace ws, JsonNode submitted, Path to) throws IOException {
        String codeId = submitted.path("codeId").asText(null);
        if (codeId == null) {
            return;
        }
        String key = codeId.replaceAll(".*/codes/([^/]+)/versions/([^/]+)$", "$1/$2");
        JsonNode version = ws.codeVersions.get(key);
        if (version == null) {
            throw new IOException("no code version " + key + " in the workspace");
        }
        blobs.get().download(version.path("properties").path("codeUri").asText(), to);
    }
}
