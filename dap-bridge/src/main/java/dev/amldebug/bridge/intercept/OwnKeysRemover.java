package dev.amldebug.bridge.intercept;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.amldebug.bridge.target.BridgeTarget;
import dev.amldebug.bridge.protocol.DapMessage;

/**
 * The launch/attach arguments that found the target ({@code runId}, {@code job}, ...) are ours:
 * debugpy never sees them. Which ones they are, the target says ({@link BridgeTarget#ownKeys()}).
 */
public final class OwnKeysRemover implements Interceptor {
    @Override
    public DapMessage toDebuggee(DapMessage message, BridgeTarget target) {
        if (!message.isRequest("attach") && !message.isRequest("launch")) {
            return message;
        }
        JsonNode arguments = message.get("arguments");
        if (target.ownKeys().stream().noneMatch(arguments::has)) {
            return message;
        }
        ObjectNode json = message.copyJson();
        json.withObject("/arguments").remove(target.ownKeys());
        return DapMessage.of(json);
    }
}
