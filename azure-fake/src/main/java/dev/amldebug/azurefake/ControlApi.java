package dev.amldebug.azurefake;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.amldebug.azurefake.faults.Fault;
import dev.amldebug.azurefake.http.Call;
import dev.amldebug.azurefake.http.Json;
import dev.amldebug.azurefake.http.Response;
import dev.amldebug.azurefake.http.Router;

/**
 * Control endpoints under /_fake/ (no auth), for end-to-end tests and benchmarks that drive the fake from outside:
 * POST /_fake/jobs/{name}/log?file=F (body = bytes to append), POST /_fake/jobs/{name}/outputs?file=F (body = the file),
 * POST /_fake/jobs/{name}/status?status=S, POST /_fake/faults {path?, kind: throttle|unavailable|reset|arm, retryAfter?,
 * status?, code?, message?}, GET /_fake/violations, GET /_fake/stats.
 */
final class ControlApi {
    private final FakeAzureMl fake;

    ControlApi(FakeAzureMl fake) {
        this.fake = fake;
    }

    void register(Router router) {
        router.add("POST", "/_fake/jobs/{j}/log", c -> {
            fake.appendLog(c.group(0), fileOf(c, "user_logs/std_log.txt"), c.body());
            return Response.empty(204);
        }).add("POST", "/_fake/jobs/{j}/outputs", c -> {
            fake.uploadOutput(c.group(0), fileOf(c, "outputs/output.txt"), c.body());
            return Response.empty(204);
        }).add("POST", "/_fake/jobs/{j}/status", c -> {
            fake.setJobStatus(c.group(0), c.query("status"));
            return Response.empty(204);
        }).add("POST", "/_fake/faults", c -> {
            JsonNode spec = c.json();
            fake.queueFault(spec.path("path").asText(""), fault(spec));
            return Response.empty(204);
        }).add("GET", "/_fake/violations", c -> {
            ArrayNode list = Json.array();
            fake.violations().forEach(v -> list.addObject().put("operation", v.operation()).put("path", v.path()).put("problem", v.problem()));
            return Response.ok(list);
        }).add("GET", "/_fake/stats", c -> {
            ObjectNode stats = Json.object().put("blobBytesServed", fake.blobBytesServed()).put("pendingUploads", fake.pendingUploads());
            ArrayNode ranges = stats.putArray("ranges");
            fake.blobRanges().forEach(ranges::add);
            return Response.ok(stats);
        });
    }

    private static String fileOf(Call call, String fallback) {
        String file = call.query("file");
        return file == null || file.isEmpty() ? fallback : file;
    }

    private static Fault fault(JsonNode spec) {
        return switch (spec.path("kind").asText()) {
            case "throttle" -> Fault.throttle(spec.path("retryAfter").asInt(1));
            case "unavailable" -> Fault.unavailable();
            case "reset" -> Fault.reset();
            case "arm" -> Fault.arm(spec.path("status").asInt(500), spec.path("code").asText("InternalServerError"),
                    spec.path("message").asText("An error occurred."));
            default -> throw new IllegalArgumentException("kind must be throttle, unavailable, reset or arm");
        };
    }
}
