package dev.amldebug.bridge;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;

/** Two connected loopback sockets, to join an in-process DAP client to an in-process bridge. */
public record LoopbackPair(Socket left, Socket right) implements AutoCloseable {

    public static LoopbackPair open() throws IOException {
        try (ServerSocket server = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            Socket left = new Socket(InetAddress.getLoopbackAddress(), server.getLocalPort());
            Socket right = server.accept();
            left.setTcpNoDelay(true);
            right.setTcpNoDelay(true);
            return new LoopbackPair(left, right);
        }
    }

    @Override
    public void close() throws IOException {
        left.close();
        right.close();
    }
}
