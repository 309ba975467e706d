package dev.amldebug.azure;

import com.fasterxml.jackson.databind.JsonNode;
import dev.amldebug.azure.http.What;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;

/** The artifact service's listing of a run's files under a prefix, each with a signed URL. */
final class Artifacts {
    private final DataPlane dataPlane;

    Artifacts(DataPlane dataPlane) {
        this.dataPlane = dataPlane;
    }

    List<LogFile> list(String runId, String prefix, What what) {
        List<LogFile> files = new ArrayList<>();
        String token = null;
        do {
            String query = "?path=" + DataPlane.encode(prefix)
                    + (token == null ? "" : "&continuationToken=" + DataPlane.encode(token));
            JsonNode body = dataPlane.rest().get(dataPlane.artifacts("/artifacts/prefix/contentinfo/ExperimentRun/dcid."
                    + DataPlane.encode(runId) + query), what);
            for (JsonNode item : body.path("value")) {
                String path = Json.text(item, "path");
                String uri = Json.text(item, "contentUri");
                if (path != null && uri != null) {
                    files.add(new LogFile(path, URI.create(uri)));
                }
            }
            token = Json.text(body, "continuationToken");
        } while (token != null && !token.isEmpty());
        return files;
    }
}
