package dev.amldebug.bridge.target;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;

/**
 * How a session reaches its debugpy: by dialling its address (the usual way), or by taking a
 * connection that debugpy made itself (a rank that dialled the debug hub).
 */
@FunctionalInterface
public interface DebuggeeDialer {
    /** One attempt; the session retries until the target's connect timeout. */
    Connection dial(BridgeTarget target, int timeoutMillis) throws IOException;

    /** Dials the target's host and port. */
    DebuggeeDialer TCP = (target, timeoutMillis) -> {
        Socket socket = new Socket();
        try {
            socket.connect(new InetSocketAddress(target.host(), target.port()), timeoutMillis);
            return Connection.of(socket);
        } catch (IOException e) {
            socket.close();
            throw e;
        }
    };

    /** A byte stream to debugpy, and how to close it. */
    record Connection(InputStream in, OutputStream out, AutoCloseable closer) {
        public static Connection of(Socket socket) throws IOException {
            socket.setTcpNoDelay(true);
            return new Connection(socket.getInputStream(), socket.getOutputStream(), socket);
        }
    }
}
