package dev.amldebug.bridge.intercept;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.amldebug.bridge.PathMapping;
import dev.amldebug.bridge.protocol.DapMessage;
import java.util.List;

/**
 * {@code attach} gains the path mappings of the run (local code folder to container folder)
 * and a {@code justMyCode} default, unless the client gave its own.
 */
public final class AttachDefaults implements Interceptor {
    private final List<PathMapping> mappings;
    private final boolean justMyCode;

    public AttachDefaults(List<PathMapping> mappings, boolean justMyCode) {
        this.mappings = mappings;
        this.justMyCode = justMyCode;
    }

    @Override
    public DapMessage toDebuggee(DapMessage message) {
        if (!message.isRequest("attach")) {
            return message;
        }
        ObjectNode arguments = (ObjectNode) message.get("arguments");
        boolean addMappings = !mappings.isEmpty() && !arguments.has("pathMappings");
        boolean addJustMyCode = !arguments.has("justMyCode");
        if (!addMappings && !addJustMyCode) {
            return message;
        }
        ObjectNode json = message.copyJson();
        ObjectNode args = json.withObject("/arguments");
        if (addMappings) {
            ArrayNode list = args.putArray("pathMappings");
            mappings.forEach(m -> list.addObject().put("localRoot", m.localRoot()).put("remoteRoot", m.remoteRoot()));
        }
        if (addJustMyCode) {
            args.put("justMyCode", justMyCode);
        }
        return DapMessage.of(json);
    }
}
