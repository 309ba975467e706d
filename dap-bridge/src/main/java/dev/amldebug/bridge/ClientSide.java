package dev.amldebug.bridge;

import dev.amldebug.bridge.protocol.DapErrorCode;
import dev.amldebug.bridge.protocol.DapFramingException;
import dev.amldebug.bridge.protocol.DapJsonException;
import dev.amldebug.bridge.protocol.DapMessage;
import dev.amldebug.bridge.protocol.DapMessages;
import dev.amldebug.bridge.protocol.DapReader;
import java.io.IOException;
import java.io.InputStream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The session's side towards the client: reads its messages until it leaves, which ends the session. */
final class ClientSide implements Runnable {
    private static final Logger LOG = LoggerFactory.getLogger(ClientSide.class);

    private final DapReader reader;
    private final BridgeSession session;
    private final TargetResolution resolution;

    ClientSide(InputStream in, BridgeSession session, TargetResolution resolution) {
        this.reader = new DapReader(in);
        this.session = session;
        this.resolution = resolution;
    }

    @Override
    public void run() {
        try {
            byte[] body;
            while ((body = reader.read()) != null) {
                handle(body);
            }
        } catch (DapFramingException e) {
            LOG.warn("Closing the debug session: the client sent a malformed message: {}", e.getMessage());
        } catch (IOException e) {
            LOG.debug("Client connection closed", e);
        } finally {
            session.endNow();
        }
    }

    private void handle(byte[] body) {
        DapMessage message;
        try {
            message = DapMessage.parse(body);
        } catch (DapJsonException e) {
            session.toClient(DapMessages.error(session.nextSeq(), 0, "unknown", DapErrorCode.MALFORMED_MESSAGE,
                    "aml-debug: ignored a malformed message: " + e.getMessage()));
            return;
        }
        session.fromClient(message)
                .filter(forwarded -> forwarded.isRequest("launch") || forwarded.isRequest("attach"))
                .ifPresent(resolution::start);
    }
}
