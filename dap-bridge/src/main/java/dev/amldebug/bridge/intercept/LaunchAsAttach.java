package dev.amldebug.bridge.intercept;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.amldebug.bridge.target.BridgeTarget;
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
    public Verdict fromClient(DapMessage message, SessionContext session) {
        if (message.isRequest("launch")) {
            launchSeqs.add(message.seq());
        }
        return Verdict.forward(message);
    }

    @Override
    public DapMessage toDebuggee(DapMessage message, BridgeTarget target) {
        if (!message.isRequest("launch")) {
            return message;
        }
        ObjectNode json = message.copyJson();
        json.put("command", "attach");
        return DapMessage.of(json);
    }

    @Override
    public Verdict fromDebuggee(DapMessage message, SessionContext session) {
        if (!message.isResponse() || !launchSeqs.remove(message.get("request_seq").asInt())) {
            return Verdict.forward(message);
        }
        ObjectNode json = message.copyJson();
        json.put("command", "launch");
        return Verdict.forward(DapMessage.of(json));
    }
}
