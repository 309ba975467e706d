package dev.amldebug.azure;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.azure.core.http.HttpMethod;
import dev.amldebug.azure.config.WorkspaceId;
import dev.amldebug.azure.http.What;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Experiments from run history ({@code experiments:query}); the page link is its continuation token. */
public final class Experiments {
    private static final int PAGE_SIZE = 100;
    private final WorkspaceId id;
    private final DataPlane dataPlane;

    Experiments(WorkspaceId id, DataPlane dataPlane) {
        this.id = id;
        this.dataPlane = dataPlane;
    }

    public Page<Experiment> list(String pageLink) {
        ObjectNode query = new ObjectMapper().createObjectNode().put("top", PAGE_SIZE);
        if (pageLink != null) {
            query.put("continuationToken", pageLink);
        }
        JsonNode body = dataPlane.rest().send(HttpMethod.POST, dataPlane.runHistory("/experiments:query"), query, Map.of(),
                What.of("the experiments of workspace " + id.workspaceName(), "`aml-debug azure workspaces`")).json();
        List<Experiment> experiments = new ArrayList<>();
        for (JsonNode item : body.path("value")) {
            experiments.add(new Experiment(Json.text(item, "name"), Json.text(item, "experimentId")));
        }
        return new Page<>(experiments, Json.text(body, "continuationToken"));
    }
}
