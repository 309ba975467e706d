package dev.amldebug.bridge.intercept;

import com.fasterxml.jackson.databind.JsonNode;
import dev.amldebug.bridge.protocol.DapMessage;
import dev.amldebug.bridge.protocol.DapMessages;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A client sends {@code initialize} before {@code launch}, so when the target comes from the
 * launch the client needs capabilities before any debugpy exists: it gets debugpy's own, recorded.
 * The initialize still goes to debugpy later (it must come first there too), and debugpy's own
 * answer is dropped, so the client is answered once.
 */
public final class InitializeBeforeTarget implements Interceptor {
    private final JsonNode capabilities;
    private final Set<Integer> answeredHere = ConcurrentHashMap.newKeySet();

    public InitializeBeforeTarget(JsonNode capabilities) {
        this.capabilities = capabilities;
    }

    @Override
    public Verdict fromClient(DapMessage message, SessionContext session) {
        if (message.isRequest("initialize") && !session.targetKnown()) {
            answeredHere.add(message.seq());
            session.toClient(DapMessages.response(session.nextSeq(), message.seq(), "initialize", true, null,
                    capabilities.deepCopy()));
        }
        return Verdict.forward(message);
    }

    @Override
    public Verdict fromDebuggee(DapMessage message, SessionContext session) {
        if (message.isResponse() && answeredHere.remove(message.get("request_seq").asInt())) {
            return Verdict.drop();
        }
        return Verdict.forward(message);
    }
}
