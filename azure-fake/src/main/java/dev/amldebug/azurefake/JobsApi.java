package dev.amldebug.azurefake;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.amldebug.azurefake.http.ArmError;
import dev.amldebug.azurefake.http.Call;
import dev.amldebug.azurefake.http.Response;
import dev.amldebug.azurefake.jobs.FakeJob;
import dev.amldebug.azurefake.runs.RealRuns;
import dev.amldebug.azurefake.schema.Violation;
import dev.amldebug.azurefake.workspace.FakeWorkspace;
import java.util.List;
import java.util.Optional;

/** Jobs_Get and Jobs_CreateOrUpdate: a put command or pipeline job runs for real when the fake has real runs. */
final class JobsApi {
    private final RequestChecks checks;
    private final Optional<RealRuns> realRuns;
    private final ArmResources resources;

    JobsApi(RequestChecks checks, Optional<RealRuns> realRuns, ArmResources resources) {
        this.checks = checks;
        this.realRuns = realRuns;
        this.resources = resources;
    }

    Response get(Call call, FakeWorkspace ws) {
        return ws.jobs.read(call.group(3)).map(j -> Response.ok(resources.job(ws, j)))
                .orElseGet(() -> ArmError.notFound("Microsoft.MachineLearningServices/workspaces/" + ws.name + "/jobs/" + call.group(3)).response());
    }

    Response createOrUpdate(Call call, FakeWorkspace ws) throws Exception {
        List<Violation> problems = checks.check("Jobs_CreateOrUpdate", "JobBaseResource", call);
        if (!problems.isEmpty()) {
            return ArmApi.invalid(problems);
        }
        ObjectNode properties = (ObjectNode) call.json().get("properties");
        Optional<String> unknown = PipelineSteps.unresolved(ws, properties);
        if (unknown.isPresent()) {
            return ArmError.badRequest("UserError", unknown.get()).response();
        }
        boolean existed = ws.jobs.find(call.group(3)).isPresent();
        FakeJob job = ws.jobs.create(call.group(3), properties.path("jobType").asText(), properties.deepCopy());
        ObjectNode created = resources.job(ws, job);
        if (job.jobType.equals("Command") || job.jobType.equals("Pipeline")) {
            realRuns.ifPresent(runs -> {
                ws.jobs.runForReal(job.name);
                if (job.jobType.equals("Pipeline")) {
                    runs.startPipeline(ws, job);
                } else {
                    runs.start(ws, job);
                }
            });
        }
        return Response.json(existed ? 200 : 201, created);
    }
}
