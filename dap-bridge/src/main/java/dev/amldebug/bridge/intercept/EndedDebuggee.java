package dev.amldebug.bridge.intercept;

import dev.amldebug.bridge.protocol.DapErrorCode;
import dev.amldebug.bridge.protocol.DapMessage;
import dev.amldebug.bridge.protocol.DapMessages;

/** Once the debuggee has ended, nobody is left to answer a request but us (disconnect aside). */
public final class EndedDebuggee implements Interceptor {
    static final String ENDED = "The debuggee has ended.";

    @Override
    public Verdict fromClient(DapMessage message, SessionContext session) {
        if (!session.debuggeeEnded() || !"request".equals(message.type()) || message.isRequest("disconnect")) {
            return Verdict.forward(message);
        }
        return Verdict.answer(DapMessages.error(session.nextSeq(), message, DapErrorCode.DEBUGGEE_ENDED, ENDED));
    }
}
