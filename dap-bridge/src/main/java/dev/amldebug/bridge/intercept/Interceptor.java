package dev.amldebug.bridge.intercept;

import dev.amldebug.bridge.target.BridgeTarget;
import dev.amldebug.bridge.protocol.DapMessage;

/**
 * One deliberate change to a DAP session. Each hook returns the message it was given when it has
 * nothing to do, so everything else crosses the bridge byte for byte. Hooks are called from more
 * than one thread (the client's reader, debugpy's reader), so any state must be thread-safe.
 *
 * <p>A session's interceptors form a chain, built once, ordered from the client's side to
 * debugpy's: client messages pass it in order, debugpy's messages in reverse.
 */
public interface Interceptor {
    /** A client message as it arrives; the target may not be known yet. */
    default Verdict fromClient(DapMessage message, SessionContext session) {
        return Verdict.forward(message);
    }

    /**
     * A client message on its way to debugpy, once the target is known. It is sent again on a
     * new connection when debugpy had not confirmed the old one, so this must be a pure rewrite.
     */
    default DapMessage toDebuggee(DapMessage message, BridgeTarget target) {
        return message;
    }

    /** A debugpy message on its way to the client; the target is known. */
    default Verdict fromDebuggee(DapMessage message, SessionContext session) {
        return Verdict.forward(message);
    }

    /** debugpy went away: its connection closed after it had spoken. */
    default void debuggeeGone(SessionContext session) {
    }
}
