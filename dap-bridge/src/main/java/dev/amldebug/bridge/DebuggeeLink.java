package dev.amldebug.bridge;

import dev.amldebug.bridge.protocol.DapReader;
import dev.amldebug.bridge.protocol.DapWriter;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;

/** One TCP connection to debugpy. */
final class DebuggeeLink implements AutoCloseable {
    private final Socket socket;
    final DapReader reader;
    final DapWriter writer;

    private DebuggeeLink(Socket socket) throws IOException {
        this.socket = socket;
        socket.setTcpNoDelay(true);
        this.reader = new DapReader(socket.getInputStream());
        this.writer = new DapWriter(socket.getOutputStream());
    }

    static DebuggeeLink open(String host, int port, int timeoutMillis) throws IOException {
        Socket socket = new Socket();
        try {
            socket.connect(new InetSocketAddress(host, port), timeoutMillis);
            return new DebuggeeLink(socket);
        } catch (IOException e) {
            socket.close();
            throw e;
        }
    }

    @Override
    public void close() {
        try {
            socket.close();
        } catch (IOException e) {
            // Closing a socket that is already broken has nothing left to report.
        }
    }
}
