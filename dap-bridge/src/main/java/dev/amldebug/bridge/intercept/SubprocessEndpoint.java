package dev.amldebug.bridge.intercept;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.amldebug.bridge.target.BridgeTarget;
import dev.amldebug.bridge.protocol.DapMessage;

/**
 * debugpy asks the client to attach to a new subprocess with a {@code debugpyAttach} event
 * whose {@code connect} is its address inside the container. The client can only reach it
 * where the bridge reaches debugpy (the published port), so that is the address it gets.
 */
public final class SubprocessEndpoint implements Interceptor {
    @Override
    public Verdict fromDebuggee(DapMessage message, SessionContext session) {
        if (!message.isEvent("debugpyAttach") || !message.get("body").has("connect")) {
            return Verdict.forward(message);
        }
        BridgeTarget target = session.target()
                .orElseThrow(() -> new IllegalStateException("debugpy spoke before its target was known"));
        ObjectNode json = message.copyJson();
        json.withObject("/body").withObject("/connect").put("host", target.host()).put("port", target.port());
        return Verdict.forward(DapMessage.of(json));
    }
}
