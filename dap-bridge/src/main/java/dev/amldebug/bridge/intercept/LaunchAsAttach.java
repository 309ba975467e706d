package dev.amldebug.bridge.intercept;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.amldebug.bridge.protocol.DapMessage;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Our {@code launch} starts a run whose debugpy is already listening: debugpy is asked to
 * {@code attach}, and its answer goes back to the client as the answer to {@code launch}.
 */
public final class LaunchAsAttach implements Interceptor {
    private final Set<Integer> launchSeqs = ConcurrentHashMap.newKeySet();

    @Override
    public DapMessage toDebuggee(DapMessage message) {
        if (!message.isRequest("launch")) {
            return message;
        }
        launchSeqs.add(message.seq());
        ObjectNode json = message.copyJson();
        json.put("command", "attach");
        return DapMessage.of(json);
    }

    @Override
    public DapMessage toClient(DapMessage message) {
        if (!message.isResponse() || !launchSeqs.remove(message.get("request_seq").asInt())) {
            return message;
        }
        ObjectNode json = message.copyJson();
        json.put("command", "launch");
        return DapMessage.of(json);
    }
}
