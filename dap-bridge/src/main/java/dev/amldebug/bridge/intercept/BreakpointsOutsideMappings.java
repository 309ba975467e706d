package dev.amldebug.bridge.intercept;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.amldebug.bridge.protocol.DapMessage;
import dev.amldebug.bridge.protocol.DapMessages;
import dev.amldebug.bridge.target.PathMapping;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Breakpoints in a file outside every local folder the session maps never reach debugpy: pydevd cannot translate such a
 * path, and says so in the program's output once per file and per process ("pydev debugger: unable to find
 * translation for ..."). They are answered here, unverified, with the reason. The mappings are the client's own
 * (its attach or launch {@code pathMappings}, even an empty list, as {@link AttachDefaults} reads them) or else the
 * target's; with none, or a relative local root, every breakpoint goes through as before.
 */
public final class BreakpointsOutsideMappings implements Interceptor {
    private volatile List<PathMapping> clientMappings;

    @Override
    public Verdict fromClient(DapMessage message, SessionContext session) {
        if (message.isRequest("attach") || message.isRequest("launch")) {
            JsonNode given = message.get("arguments").path("pathMappings");
            clientMappings = given.isMissingNode() ? null : mappings(given);
            return Verdict.forward(message);
        }
        if (!message.isRequest("setBreakpoints")) {
            return Verdict.forward(message);
        }
        List<PathMapping> mappings = clientMappings != null ? clientMappings
                : session.target().map(target -> target.pathMappings()).orElse(List.of());
        String file = message.get("arguments").path("source").path("path").asText("");
        if (file.isEmpty() || mappings.isEmpty() || mappings.stream().anyMatch(m -> !Path.of(m.localRoot()).isAbsolute())
                || mappings.stream().anyMatch(m -> inside(file, m.localRoot()))) {
            return Verdict.forward(message);
        }
        session.toClient(DapMessages.response(session.nextSeq(), message.seq(), "setBreakpoints", true, null,
                unverified(message.get("arguments"), mappings)));
        return Verdict.drop();
    }

    private static boolean inside(String file, String localRoot) {
        return Path.of(file).normalize().startsWith(Path.of(localRoot).normalize());
    }

    private static ObjectNode unverified(JsonNode arguments, List<PathMapping> mappings) {
        String reason = "Not in this run's code (" + String.join(", ", mappings.stream().map(PathMapping::localRoot).toList())
                + "): the debuggee has no such file.";
        ObjectNode body = DapMessage.JSON.createObjectNode();
        ArrayNode breakpoints = body.putArray("breakpoints");
        for (JsonNode requested : arguments.path("breakpoints")) {
            ObjectNode breakpoint = breakpoints.addObject().put("verified", false).put("message", reason);
            if (requested.has("line")) {
                breakpoint.put("line", requested.get("line").asInt());
            }
        }
        return body;
    }

    private static List<PathMapping> mappings(JsonNode given) {
        List<PathMapping> mappings = new ArrayList<>();
        for (JsonNode mapping : given) {
            if (mapping.hasNonNull("localRoot") && mapping.hasNonNull("remoteRoot")) {
                mappings.add(new PathMapping(mapping.get("localRoot").asText(), mapping.get("remoteRoot").asText()));
            }
        }
        return mappings;
    }
}
