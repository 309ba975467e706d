package dev.amldebug.bridge.intercept;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.amldebug.bridge.protocol.DapMessage;
import java.util.Set;

/** Our own launch/attach attributes ({@code runId}, {@code job}, ...) are ours: debugpy never sees them. */
public final class OwnKeysRemover implements Interceptor {
    public static final Set<String> OWN_KEYS = Set.of("runId", "job", "script", "args", "experiment", "waitTimeout",
            "onTimeout", "workspace");

    @Override
    public DapMessage toDebuggee(DapMessage message) {
        if (!message.isRequest("attach") && !message.isRequest("launch")) {
            return message;
        }
        JsonNode arguments = message.get("arguments");
        if (OWN_KEYS.stream().noneMatch(arguments::has)) {
            return message;
        }
        ObjectNode json = message.copyJson();
        json.withObject("/arguments").remove(OWN_KEYS);
        return DapMessage.of(json);
    }
}
