package dev.amldebug.azure;

import com.azure.core.http.HttpMethod;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.amldebug.azure.config.WorkspaceId;
import dev.amldebug.azure.http.RestResponse;
import dev.amldebug.azure.http.What;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Jobs of a workspace: ARM for the jobs themselves, run history for a pipeline's steps. */
public final class Jobs {
    private final WorkspaceId id;
    private final AzureMlClient client;
    private final DataPlane dataPlane;

    Jobs(WorkspaceId id, AzureMlClient client, DataPlane dataPlane) {
        this.id = id;
        this.client = client;
        this.dataPlane = dataPlane;
    }

    public Page<Job> list(String pageLink) {
        return client.lists().page(arm("/jobs"), pageLink, node -> job(node),
                What.of("the jobs of workspace " + id.workspaceName(), "`aml-debug azure workspaces`"));
    }

    /**
     * A job; a pipeline's step from run history, since ARM answers a step's GET with its id, name, type and
     * systemData only (recorded in test_pipeline_job_get_child_run; azure-ai-ml reads run history for steps too).
     */
    public Job get(String name) {
        JsonNode resource = client.arm().get(arm("/jobs/" + DataPlane.encode(name)), what(name));
        if (ArmMapping.isStub(resource)) {
            return ArmMapping.run(run(name), WorkspaceClient.fallbackStudioUrl(id, name));
        }
        return job(resource);
    }

    /**
     * What the job runs: code, command, environment, variables and inputs (Jobs_Get's properties). For a step, the
     * parent pipeline's node of that name, and the component it names ({@link StepDefinitions}).
     */
    public JobDefinition definition(String name) {
        JsonNode resource = client.arm().get(arm("/jobs/" + DataPlane.encode(name)), what(name));
        if (!ArmMapping.isStub(resource)) {
            return JobDefinition.of(resource);
        }
        JsonNode step = run(name);
        String parent = Json.text(step, "parentRunId");
        if (parent == null) {
            return JobDefinition.of(resource);
        }
        JsonNode pipeline = client.arm().get(arm("/jobs/" + DataPlane.encode(parent)), what(parent));
        return new StepDefinitions(uri -> client.arm().get(uri, what(name)), client.endpoints()::resolve, AzureMlClient.ML_API)
                .of(name, Json.text(step, "displayName"), pipeline);
    }

    private JsonNode run(String name) {
        return dataPlane.rest().get(dataPlane.runHistory("/runs/" + DataPlane.encode(name)), what(name));
    }

    /** PUT of a JobBase resource ({@code {properties: {jobType: "Command", ...}}}). */
    public Job createOrUpdate(String name, ObjectNode jobResourceBody) {
        RestResponse response = client.arm().send(HttpMethod.PUT, arm("/jobs/" + DataPlane.encode(name)), jobResourceBody,
                Map.of(), What.of("job " + name + " in workspace " + id.workspaceName(), "`aml-debug azure jobs list`"));
        return job(response.json());
    }

    /** Requests the cancel, polls its long-running operation, then the job, until Canceled or another end. */
    public Job cancel(String name, Duration timeout) {
        URI cancel = arm("/jobs/" + DataPlane.encode(name) + "/cancel");
        RestResponse accepted = client.arm().send(HttpMethod.POST, cancel, null, Map.of(), what(name));
        return new CancelPolling(client.arm(), timeout, name, () -> get(name)).await(cancel, accepted);
    }

    /** The steps of a pipeline job, from run history; the page link is its continuation token. */
    public Page<Job> children(String name, String pageLink) {
        String query = pageLink == null ? "" : "?continuationToken=" + DataPlane.encode(pageLink);
        JsonNode body = dataPlane.rest().get(dataPlane.runHistory("/runs/" + DataPlane.encode(name) + "/children" + query),
                what(name));
        List<Job> steps = new ArrayList<>();
        for (JsonNode run : body.path("value")) {
            Job step = ArmMapping.run(run, WorkspaceClient.fallbackStudioUrl(id, Json.text(run, "runId")));
            steps.add(step.parentJobName() != null ? step : new Job(step.id(), step.name(), step.displayName(), step.jobType(),
                    step.experimentName(), step.status(), step.computeId(), step.startTime(), step.endTime(), step.studioUrl(), name));
        }
        return new Page<>(steps, Json.text(body, "continuationToken"));
    }

    private Job job(JsonNode node) {
        return ArmMapping.job(node, WorkspaceClient.fallbackStudioUrl(id, Json.text(node, "name")));
    }

    private What what(String name) {
        return What.of("job " + name + " in workspace " + id.workspaceName(), "`aml-debug azure jobs list`");
    }

    private URI arm(String path) {
        return client.endpoints().resolve(id.armId() + path + "?" + AzureMlClient.ML_API);
    }
}
