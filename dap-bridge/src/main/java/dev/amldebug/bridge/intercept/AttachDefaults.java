package dev.amldebug.bridge.intercept;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.amldebug.bridge.target.BridgeTarget;
import dev.amldebug.bridge.target.PathMapping;
import dev.amldebug.bridge.protocol.DapMessage;
import java.util.List;

/**
 * {@code attach} gains the target's path mappings (local code folder to container folder) and
 * its {@code justMyCode} default, unless the client gave its own. It must come after
 * {@link LaunchAsAttach} towards debugpy, so that a launch turned attach gets them too.
 */
public final class AttachDefaults implements Interceptor {
    @Override
    public DapMessage toDebuggee(DapMessage message, BridgeTarget target) {
        if (!message.isRequest("attach")) {
            return message;
        }
        List<PathMapping> mappings = target.pathMappings();
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
            args.put("justMyCode", target.justMyCode());
        }
        return DapMessage.of(json);
    }
}
