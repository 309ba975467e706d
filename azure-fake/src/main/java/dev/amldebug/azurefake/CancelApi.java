package dev.amldebug.azurefake;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.amldebug.azurefake.http.ArmError;
import dev.amldebug.azurefake.http.Call;
import dev.amldebug.azurefake.http.Json;
import dev.amldebug.azurefake.http.Response;
import dev.amldebug.azurefake.jobs.CancelOperations;
import dev.amldebug.azurefake.runs.RealRuns;
import dev.amldebug.azurefake.schema.Violation;
import dev.amldebug.azurefake.workspace.FakeWorkspace;
import java.util.List;
import java.util.Optional;

/**
 * Jobs_Cancel and its long-running operation, as recorded (test_if_else_literal_condition): 202 with body null and
 * a Location only; the Location answers 202 {} (with itself again) while it runs, then 200 with no body. The
 * mfeOperationsStatus form (Azure-AsyncOperation's) answers too, for clients that poll that way.
 */
final class CancelApi {
    private final RequestChecks checks;
    private final Optional<RealRuns> realRuns;
    private final CancelOperations cancels;

    CancelApi(RequestChecks checks, Optional<RealRuns> realRuns, CancelOperations cancels) {
        this.checks = checks;
        this.realRuns = realRuns;
        this.cancels = cancels;
    }

    Response cancel(Call call, FakeWorkspace ws) {
        List<Violation> problems = checks.check("Jobs_Cancel", null, call);
        if (!problems.isEmpty()) {
            return ArmApi.invalid(problems);
        }
        if (ws.jobs.find(call.group(3)).isEmpty()) {
            return ArmError.notFound("Microsoft.MachineLearningServices/workspaces/" + ws.name + "/jobs/" + call.group(3)).response();
        }
        CancelOperations.Operation operation = cancels.start(ws.jobs, call.group(3));
        realRuns.ifPresent(runs -> runs.stop(call.group(3)));
        String operations = call.baseUrl() + "/subscriptions/" + ws.subscriptionId + "/providers/Microsoft.MachineLearningServices/locations/eastus2euap/";
        return Response.text(202, "null").header("Content-Type", "application/json; charset=utf-8")
                .header("Location", operations + "mfeOperationResults/" + operation.id + "?api-version=" + ArmApi.ML_API_VERSION);
    }

    Response status(Call call) {
        return cancels.find(call.group(2)).map(op -> {
            ObjectNode body = Json.object().put("id", call.path()).put("name", op.id).put("status", op.poll());
            return Response.ok(body);
        }).orElseGet(() -> ArmError.notFound("operation " + call.group(2)).response());
    }

    Response result(Call call) {
        return cancels.find(call.group(2)).map(op -> op.poll().equals("Succeeded") ? Response.empty(200)
                : Response.json(202, Json.object()).header("Location", call.baseUrl() + call.path() + "?api-version=" + ArmApi.ML_API_VERSION))
                .orElseGet(() -> ArmError.notFound("operation " + call.group(2)).response());
    }
}
