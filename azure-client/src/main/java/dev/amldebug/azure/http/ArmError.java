package dev.amldebug.azure.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;

/**
 * The error body ARM and the Azure ML data plane share: {@code {"error": {"code", "message", "details"}}}.
 * (azure-core-management's ManagementError has the same shape, but that artifact is not served here.)
 */
public record ArmError(String code, String message) {
    private static final ObjectMapper JSON = new ObjectMapper();

    public static ArmError parse(byte[] body) {
        if (body == null || body.length == 0) {
            return new ArmError("", "");
        }
        try {
            JsonNode root = JSON.readTree(body);
            JsonNode error = root.has("error") ? root.get("error") : root;
            String code = error.path("code").asText("");
            String message = error.path("message").asText("");
            JsonNode inner = error.path("details").path(0);
            if (code.isEmpty() || "UserError".equals(code)) {
                code = inner.path("code").asText(code);
            }
            if (message.isEmpty()) {
                message = inner.path("message").asText("");
            }
            return new ArmError(code, Redaction.redact(message));
        } catch (IOException e) {
            return new ArmError("", "");
        }
    }
}
