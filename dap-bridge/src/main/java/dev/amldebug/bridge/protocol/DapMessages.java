package dev.amldebug.bridge.protocol;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** Messages the bridge writes itself: responses to requests it answers, and lifecycle events. */
public final class DapMessages {
    private DapMessages() {
    }

    public static DapMessage response(int seq, int requestSeq, String command, boolean success, String message,
                                      JsonNode body) {
        ObjectNode json = DapMessage.JSON.createObjectNode();
        json.put("seq", seq).put("type", "response").put("request_seq", requestSeq).put("success", success)
                .put("command", command);
        if (message != null) {
            json.put("message", message);
        }
        if (body != null) {
            json.set("body", body);
        }
        return DapMessage.of(json);
    }

    /** A failed response to {@code request}; {@code message} is a sentence for the user. */
    public static DapMessage error(int seq, DapMessage request, DapErrorCode code, String message) {
        return error(seq, request.seq(), request.command(), code, message);
    }

    public static DapMessage error(int seq, int requestSeq, String command, DapErrorCode code, String message) {
        ObjectNode body = DapMessage.JSON.createObjectNode();
        body.putObject("error").put("id", code.id()).put("format", message).put("showUser", true);
        return response(seq, requestSeq, command, false, message, body);
    }

    public static DapMessage event(int seq, String event, JsonNode body) {
        ObjectNode json = DapMessage.JSON.createObjectNode();
        json.put("seq", seq).put("type", "event").put("event", event);
        if (body != null) {
            json.set("body", body);
        }
        return DapMessage.of(json);
    }

    public static DapMessage exited(int seq, int exitCode) {
        return event(seq, "exited", DapMessage.JSON.createObjectNode().put("exitCode", exitCode));
    }

    public static DapMessage terminated(int seq) {
        return event(seq, "terminated", null);
    }

    public static DapMessage output(int seq, String category, String text) {
        return event(seq, "output", DapMessage.JSON.createObjectNode().put("category", category).put("output", text));
    }
}
