package dev.amldebug.bridge.hub;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.amldebug.bridge.protocol.DapMessage;

/** The parent session's answers to requests that its clients send every session. */
final class ParentAnswers {
    private ParentAnswers() {
    }

    /** Breakpoints hold in each rank's own session; here, one unverified entry per requested line. */
    static ObjectNode unverified(JsonNode setBreakpointsArguments) {
        ObjectNode body = DapMessage.JSON.createObjectNode();
        ArrayNode breakpoints = body.putArray("breakpoints");
        setBreakpointsArguments.path("breakpoints").forEach(requested -> breakpoints.addObject()
                .put("verified", false).put("line", requested.path("line").asInt())
                .put("message", "Set in the session of each rank."));
        return body;
    }

    static ObjectNode noThreads() {
        ObjectNode body = DapMessage.JSON.createObjectNode();
        body.putArray("threads");
        return body;
    }
}
