package dev.amldebug.bridge;

import dev.amldebug.bridge.target.BridgeTarget;
import dev.amldebug.bridge.protocol.DapErrorCode;
import dev.amldebug.bridge.protocol.DapJsonException;
import dev.amldebug.bridge.protocol.DapMessage;
import java.io.IOException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The session's side towards debugpy: connects, replays what is unconfirmed, and pumps debugpy's messages. */
final class DebuggeeSide {
    private static final Logger LOG = LoggerFactory.getLogger(DebuggeeSide.class);

    private final BridgeSession session;
    private DebuggeeLink link;
    private boolean closed;

    DebuggeeSide(BridgeSession session) {
        this.session = session;
    }

    /** Runs until debugpy has gone, could not be reached, or the session ended. */
    void connect(BridgeTarget target) {
        new DebuggeeConnector(target, newLink -> connected(newLink, target), this::pump, session::hasEnded,
                reason -> session.debuggeeFailed(DapErrorCode.DEBUGGEE_UNREACHABLE, reason)).run();
    }

    private void connected(DebuggeeLink newLink, BridgeTarget target) {
        synchronized (this) {
            if (closed) {
                newLink.close();
                return;
            }
            link = newLink;
        }
        session.debuggeeConnected(message -> send(newLink, session.toDebuggee(message, target)));
    }

    private static void send(DebuggeeLink to, DapMessage message) {
        try {
            to.writer.write(message.bytes());
        } catch (IOException e) {
            LOG.debug("Write to debugpy failed; the reader side will notice", e);
        }
    }

    /** @return true when debugpy said something on this link before it closed */
    private boolean pump(DebuggeeLink from) {
        boolean spoke = false;
        try {
            byte[] body;
            while ((body = from.reader.read()) != null) {
                DapMessage message = DapMessage.parse(body);
                if (!spoke) {
                    spoke = true;
                    session.debuggeeConfirmed();
                }
                session.fromDebuggee(message);
            }
        } catch (IOException | DapJsonException e) {
            LOG.debug("Connection to debugpy ended", e);
        }
        if (spoke) {
            session.debuggeeGone();
        }
        return spoke;
    }

    synchronized void close() {
        closed = true;
        if (link != null) {
            link.close();
        }
    }
}
