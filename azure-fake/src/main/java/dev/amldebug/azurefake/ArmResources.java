package dev.amldebug.azurefake;

import dev.amldebug.azurefake.workspace.FakeWorkspace;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.amldebug.azurefake.http.Json;
import dev.amldebug.azurefake.jobs.FakeJob;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** Renders ARM resources from the examples, with ids, names and values rewritten to the fake's workspaces and jobs. */
final class ArmResources {
    private final String baseUrl;

    ArmResources(String baseUrl) {
        this.baseUrl = baseUrl;
    }

    ObjectNode workspace(FakeWorkspace ws, String discoveryUrl) {
        ObjectNode body = Examples.response("Workspace/get.json", 200);
        body.put("id", ws.armId());
        body.put("name", ws.name);
        ObjectNode properties = (ObjectNode) body.get("properties");
        properties.put("discoveryUrl", discoveryUrl);
        properties.put("workspaceId", ws.workspaceId);
        properties.put("friendlyName", ws.name);
        properties.put("mlFlowTrackingUri", "azureml://" + body.path("location").asText() + ".api.azureml.ms/mlflow/v1.0" + ws.armId());
        properties.put("publicNetworkAccess", ws.privateLink == FakeWorkspace.PrivateLink.NONE ? "Enabled" : "Disabled");
        return body;
    }

    ObjectNode job(FakeWorkspace ws, FakeJob job) {
        if (job.parentName != null) {
            return stepStub(ws, job);
        }
        ObjectNode body = Examples.response(job.jobType.equals("Pipeline") ? "Job/PipelineJob/get.json" : "Job/CommandJob/get.json", 200);
        body.put("id", ws.armId() + "/jobs/" + job.name);
        body.put("name", job.name);
        body.put("type", "Microsoft.MachineLearningServices/workspaces/jobs");
        ObjectNode properties = job.submitted != null ? job.submitted.deepCopy() : seededProperties(ws, job, (ObjectNode) body.get("properties"));
        properties.put("status", job.status);
        properties.put("displayName", job.displayName);
        properties.put("experimentName", job.experimentName);
        properties.put("jobType", job.jobType);
        ObjectNode services = properties.with("services");
        services.putObject("Studio").put("jobServiceType", "Studio").put("status", "Running")
                .put("endpoint", "https://ml.azure.com/runs/" + job.name + "?wsid=" + ws.armId());
        services.putObject("Tracking").put("jobServiceType", "Tracking").put("status", "Running")
                .put("endpoint", "azureml://eastus.api.azureml.ms/mlflow/v1.0" + ws.armId());
        times(properties.with("properties"), job);
        body.set("properties", properties);
        systemData((ObjectNode) body.get("systemData"), job.created, job.endTime != null ? job.endTime : job.created);
        return body;
    }

    /**
     * A pipeline step's GET, as the service answers it (recorded in test_pipeline_job_get_child_run): id, name, type
     * and systemData, no properties. Its status, times and logs are in run history.
     */
    private static ObjectNode stepStub(FakeWorkspace ws, FakeJob job) {
        ObjectNode body = Json.object();
        body.put("id", ws.armId() + "/jobs/" + job.name);
        body.put("name", job.name);
        body.put("type", "Microsoft.MachineLearningServices/workspaces/jobs");
        ObjectNode systemData = body.putObject("systemData");
        systemData.put("createdAt", job.created.toString());
        systemData.put("createdBy", FakeToken.UPN);
        systemData.put("createdByType", "User");
        return body;
    }

    /**
     * Start and end in the run's properties (a string map), where the service keeps them: StartTimeUtc/EndTimeUtc,
     * and for a pipeline its stages' Execution too (as recorded); never in systemData, which says when it was created.
     */
    private static void times(ObjectNode runProperties, FakeJob job) {
        if (job.startTime != null) {
            runProperties.put("StartTimeUtc", job.startTime.toString());
        }
        if (job.endTime != null) {
            runProperties.put("EndTimeUtc", job.endTime.toString());
        }
        if (job.jobType.equals("Pipeline") && job.startTime != null) {
            ObjectNode execution = Json.object().put("StartTime", job.startTime.toString());
            execution.put("EndTime", job.endTime == null ? null : job.endTime.toString())
                    .put("Status", job.endTime == null ? "Running" : "Finished");
            ObjectNode stages = Json.object().putNull("Initialization");
            stages.set("Execution", execution);
            runProperties.put("azureml.pipelines.stages", stages.toString());
        }
    }

    private ObjectNode seededProperties(FakeWorkspace ws, FakeJob job, ObjectNode template) {
        template.put("description", "A job of the fake's seed.");
        template.putObject("tags");
        template.putObject("properties");
        template.putObject("services");
        template.put("computeId", job.computeId);
        if (job.jobType.equals("Command")) {
            template.put("command", "python train.py");
            template.put("codeId", ws.armId() + "/codes/aml-debug-code/versions/1");
            template.put("environmentId", "azureml://registries/azureml/environments/sklearn-1.5/versions/1");
            template.putObject("inputs");
            template.putObject("outputs").putObject("default").put("jobOutputType", "uri_folder").put("mode", "ReadWriteMount")
                    .put("uri", "azureml://datastores/workspaceartifactstore/ExperimentRun/dcid." + job.name);
            template.putObject("environmentVariables");
            template.remove("distribution");
            template.putObject("resources").put("instanceCount", 1);
            template.putObject("limits").put("jobLimitsType", "Command").put("timeout", "PT2H");
            template.putObject("identity").put("identityType", "AMLToken");
            template.remove("parameters");
        } else {
            template.putObject("inputs");
            template.putObject("outputs");
            template.putObject("settings").put("default_compute", job.computeId);
        }
        return template;
    }

    /**
     * A code, environment or component version as stored: the request's properties, with what the service adds. kind:
     * "codes", "environments", "components" (answered as the recorded component PUT is: no provisioningState).
     */
    ObjectNode assetVersion(FakeWorkspace ws, String kind, String name, String version, ObjectNode requested) {
        ObjectNode body = Json.object();
        body.put("id", ws.armId() + "/" + kind + "/" + name + "/versions/" + version);
        body.put("name", version);
        body.put("type", "Microsoft.MachineLearningServices/workspaces/" + kind + "/versions");
        ObjectNode properties = requested.with("properties").deepCopy();
        if (!kind.equals("components")) {
            properties.put("provisioningState", "Succeeded");
        }
        if (kind.equals("environments")) {
            properties.put("environmentType", "UserCreated");
        }
        body.set("properties", properties);
        systemData(body.putObject("systemData"), Instant.now(), Instant.now());
        return body;
    }

    /** Computes: a cluster and an instance from the get examples, then the list example's entries, all in the workspace. */
    List<ObjectNode> computes(FakeWorkspace ws) {
        List<ObjectNode> computes = new ArrayList<>();
        computes.add(rename(Examples.response("Compute/get/AmlCompute.json", 200), ws.armId() + "/computes", "cpu-cluster"));
        computes.add(rename(Examples.response("Compute/get/ComputeInstance.json", 200), ws.armId() + "/computes", "dev-instance"));
        for (var item : Examples.response("Compute/list.json", 200).withArray("value")) {
            computes.add(rename((ObjectNode) item, ws.armId() + "/computes", item.path("name").asText()));
        }
        return computes;
    }

    /** Asset containers shaped like the EnvironmentContainer list example. */
    List<ObjectNode> containers(FakeWorkspace ws, String kind, List<String> names) {
        ObjectNode template = (ObjectNode) Examples.response("Workspace/EnvironmentContainer/list.json", 200).withArray("value").get(0);
        List<ObjectNode> items = new ArrayList<>();
        for (String name : names) {
            ObjectNode item = rename(template.deepCopy(), ws.armId() + "/" + kind, name);
            item.put("type", "Microsoft.MachineLearningServices/workspaces/" + kind);
            ObjectNode properties = item.with("properties");
            properties.put("description", kind + " " + name);
            properties.putObject("tags");
            properties.put("latestVersion", "3");
            properties.put("nextVersion", "4");
            properties.put("isArchived", false);
            properties.put("provisioningState", "Succeeded");
            items.add(item);
        }
        return items;
    }

    private static ObjectNode rename(ObjectNode resource, String parentId, String name) {
        resource.put("id", parentId + "/" + name);
        resource.put("name", name);
        return resource;
    }

    private static void systemData(ObjectNode systemData, Instant created, Instant modified) {
        systemData.put("createdAt", created.toString());
        systemData.put("createdBy", FakeToken.UPN);
        systemData.put("createdByType", "User");
        systemData.put("lastModifiedAt", modified.toString());
        systemData.put("lastModifiedBy", FakeToken.UPN);
        systemData.put("lastModifiedByType", "User");
    }

    String baseUrl() {
        return baseUrl;
    }
}
