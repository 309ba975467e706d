package dev.amldebug.bridge.intercept;

import dev.amldebug.bridge.protocol.DapMessage;
import dev.amldebug.bridge.protocol.DapMessages;

/**
 * The client's {@code disconnect} ends the session. With a debugpy to ask, it goes there and the
 * session ends once its answer reached the client; without one (not found yet, or gone) it is
 * answered here. {@code terminateDebuggee} ends the debuggee too: a run's container outlives
 * debugpy's own disconnect handling.
 *
 * <p>Put it first in the chain: it must see the disconnect before anyone answers it, and the
 * answer to it after everyone else has.
 */
public final class Disconnect implements Interceptor {
    @Override
    public Verdict fromClient(DapMessage message, SessionContext session) {
        if (!message.isRequest("disconnect")) {
            return Verdict.forward(message);
        }
        session.clientLeft();
        if (message.get("arguments").path("terminateDebuggee").asBoolean(false)) {
            session.terminateDebuggee();
        }
        if (session.targetKnown() && !session.debuggeeEnded()) {
            return Verdict.forward(message);
        }
        session.toClient(DapMessages.response(session.nextSeq(), message.seq(), "disconnect", true, null, null));
        session.endSession();
        return Verdict.drop();
    }

    @Override
    public Verdict fromDebuggee(DapMessage message, SessionContext session) {
        if (!message.isResponse() || !"disconnect".equals(message.command())) {
            return Verdict.forward(message);
        }
        session.toClient(message);
        session.endSession();
        return Verdict.drop();
    }

    @Override
    public void debuggeeGone(SessionContext session) {
        if (session.hasClientLeft()) {
            session.endSession();
        }
    }
}
