package dev.amldebug.bridge;

import dev.amldebug.bridge.target.DebuggeeDialer;
import dev.amldebug.bridge.target.BridgeTarget;
import dev.amldebug.bridge.protocol.DapReader;
import dev.amldebug.bridge.protocol.DapWriter;
import java.io.IOException;

/** One connection to debugpy. */
final class DebuggeeLink implements AutoCloseable {
    private final AutoCloseable closer;
    final DapReader reader;
    final DapWriter writer;

    private DebuggeeLink(DebuggeeDialer.Connection connection) {
        this.closer = connection.closer();
        this.reader = new DapReader(connection.in());
        this.writer = new DapWriter(connection.out());
    }

    static DebuggeeLink open(BridgeTarget target, int timeoutMillis) throws IOException {
        return new DebuggeeLink(target.dialer().dial(target, timeoutMillis));
    }

    @Override
    public void close() {
        try {
            closer.close();
        } catch (Exception e) {
            // Closing a connection that is already broken has nothing left to report.
        }
    }
}
