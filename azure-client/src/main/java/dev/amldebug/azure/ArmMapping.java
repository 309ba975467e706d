package dev.amldebug.azure;

import com.fasterxml.jackson.databind.JsonNode;

/** ARM resources (Microsoft.MachineLearningServices 2024-10-01) to our records. */
final class ArmMapping {
    private ArmMapping() {
    }

    static Subscription subscription(JsonNode node) {
        return new Subscription(Json.text(node, "subscriptionId"), Json.text(node, "displayName"), Json.text(node, "state"));
    }

    static Tenant tenant(JsonNode node) {
        return new Tenant(Json.text(node, "tenantId"), Json.text(node, "displayName"), Json.text(node, "defaultDomain"));
    }

    static Workspace workspace(JsonNode node) {
        JsonNode properties = node.path("properties");
        return new Workspace(Json.text(node, "id"), Json.text(node, "name"), Json.text(node, "location"),
                Json.text(properties, "discoveryUrl"), Json.text(properties, "publicNetworkAccess"));
    }

    static Job job(JsonNode node, String fallbackStudioUrl) {
        JsonNode properties = node.path("properties");
        String studio = Json.text(properties.path("services").path("Studio"), "endpoint");
        JobTimes times = JobTimes.of(properties.path("properties"));
        return new Job(Json.text(node, "id"), Json.text(node, "name"), Json.text(properties, "displayName"),
                Json.text(properties, "jobType"), Json.text(properties, "experimentName"),
                JobStatus.of(Json.text(properties, "status")), Json.text(properties, "computeId"),
                times.start(), times.end(), studio != null ? studio : fallbackStudioUrl, null);
    }

    /** A run of run history (GET .../runs/{id}, or an item of .../children): a pipeline's step, or any job. */
    static Job run(JsonNode run, String fallbackStudioUrl) {
        return new Job(null, Json.text(run, "runId"), Json.text(run, "displayName"), Json.text(run, "runType"),
                Json.text(run, "experimentName"), JobStatus.of(Json.text(run, "status")), Json.text(run, "target"),
                Json.instant(run, "startTimeUtc"), Json.instant(run, "endTimeUtc"), fallbackStudioUrl,
                Json.text(run, "parentRunId"));
    }

    /** Whether an ARM job answer is the stub the service gives for a pipeline's step: id, name, type, systemData. */
    static boolean isStub(JsonNode node) {
        return !node.has("properties") || node.path("properties").isNull();
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
