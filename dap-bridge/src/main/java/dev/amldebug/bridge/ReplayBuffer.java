package dev.amldebug.bridge;

import dev.amldebug.bridge.protocol.DapMessage;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * The client's messages for debugpy that debugpy has not confirmed yet, by saying anything at all.
 * Docker's port proxy accepts a connection before the container listens and then drops it, so on a
 * new connection everything unconfirmed is sent again, in order, before anything newer.
 */
final class ReplayBuffer {
    private final List<DapMessage> unconfirmed = new ArrayList<>();
    private Consumer<DapMessage> connection;
    private boolean confirmed;

    /** Sends now if connected; keeps the message until debugpy confirms the connection either way. */
    synchronized void send(DapMessage message) {
        if (!confirmed) {
            unconfirmed.add(message);
        }
        if (connection != null) {
            connection.accept(message);
        }
    }

    synchronized void connected(Consumer<DapMessage> newConnection) {
        connection = newConnection;
        confirmed = false;
        unconfirmed.forEach(newConnection);
    }

    /** debugpy spoke on the current connection: what it was sent has arrived. */
    synchronized void confirmed() {
        confirmed = true;
        unconfirmed.clear();
    }
}
