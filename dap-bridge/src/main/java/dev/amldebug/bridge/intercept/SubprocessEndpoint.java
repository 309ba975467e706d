package dev.amldebug.bridge.intercept;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.amldebug.bridge.protocol.DapMessage;

/**
 * debugpy asks the client to attach to a new subprocess with a {@code debugpyAttach} event
 * whose {@code connect} is its address inside the container. The client can only reach it
 * where the bridge reaches debugpy (the published port), so that is the address it gets.
 */
public final class SubprocessEndpoint implements Interceptor {
    private final String host;
    private final int port;

    public SubprocessEndpoint(String host, int port) {
        this.host = host;
        this.port = port;
    }

    @Override
    public DapMessage toClient(DapMessage message) {
        if (!message.isEvent("debugpyAttach") || !message.get("body").has("connect")) {
            return message;
        }
        ObjectNode json = message.copyJson();
        json.withObject("/body").withObject("/connect").put("host", host).put("port", port);
        return DapMessage.of(json);
    }
}
