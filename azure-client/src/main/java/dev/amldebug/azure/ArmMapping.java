package dev.amldebug.azure;

import com.fasterxml.jackson.databind.JsonNode;

/** ARM resources (Microsoft.MachineLearningServices 2024-10-01) to our records. */
final class ArmMapping {
    private ArmMapping() {
    }

    static Subscription subscription(JsonNode node) {
        return new Subscription(Json.text(node, "subscriptionId"), Json.text(node, "displayName"), Json.text(node, "state"));
    }

    static Workspace workspace(JsonNode node) {
        JsonNode properties = node.path("properties");
        return new Workspace(Json.text(node, "id"), Json.text(node, "name"), Json.text(node, "location"),
                Json.text(properties, "discoveryUrl"), Json.text(properties, "publicNetworkAccess"));
    }

    static Job job(JsonNode node, String fallbackStudioUrl) {
        JsonNode properties = node.path("properties");
        String studio = Json.text(properties.path("services").path("Studio"), "endpoint");
        return new Job(Json.text(node, "id"), Json.text(node, "name"), Json.text(properties, "displayName"),
                Json.text(properties, "jobType"), Json.text(properties, "experimentName"),
                JobStatus.of(Json.text(properties, "status")), Json.text(properties, "computeId"),
                Json.instant(node.path("systemData"), "createdAt"), null,
                studio != null ? studio : fallbackStudioUrl, null);
    }

    static Compute compute(JsonNode node) {
        JsonNode properties = node.path("properties");
        JsonNode inner = properties.path("properties");
        String state = Json.text(inner, "state");
        if (state == null) {
            state = Json.text(inner, "allocationState");
        }
        if (state == null) {
            state = Json.text(properties, "provisioningState");
        }
        return new Compute(Json.text(node, "name"), Json.text(properties, "computeType"), state,
                Json.integer(inner, "currentNodeCount"), Json.integer(inner.path("scaleSettings"), "maxNodeCount"),
                Json.text(inner, "vmSize"));
    }

    static Asset asset(JsonNode node) {
        JsonNode properties = node.path("properties");
        return new Asset(Json.text(node, "name"), Json.text(properties, "latestVersion"), Json.text(properties, "description"));
    }
}
