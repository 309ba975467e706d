package dev.amldebug.azurefake;

import dev.amldebug.azurefake.workspace.FakeWorkspace;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.Iterator;
import java.util.Map;
import java.util.Optional;

/** A pipeline job's steps as the service checks them when the job is put: each names a component version it knows. */
final class PipelineSteps {
    private PipelineSteps() {
    }

    /** Why the service would refuse the job's steps, or empty when every step's componentId names a stored version. */
    static Optional<String> unresolved(FakeWorkspace ws, JsonNode properties) {
        if (!"Pipeline".equals(properties.path("jobType").asText())) {
            return Optional.empty();
        }
        Iterator<Map.Entry<String, JsonNode>> steps = properties.path("jobs").fields();
        while (steps.hasNext()) {
            Map.Entry<String, JsonNode> step = steps.next();
            String componentId = step.getValue().path("componentId").asText("");
            if (componentId.isEmpty()) {
                return Optional.of("Step '" + step.getKey() + "' has no componentId: register its component"
                        + " (ComponentVersions_CreateOrUpdate) and give the version's ARM id as the step's componentId.");
            }
            if (ws.component(componentId).isEmpty()) {
                return Optional.of("Step '" + step.getKey() + "' references the component " + componentId + ", which workspace "
                        + ws.name + " does not have: register the component version before the pipeline job.");
            }
        }
        return Optional.empty();
    }
}
