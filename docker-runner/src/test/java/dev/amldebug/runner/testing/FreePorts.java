package dev.amldebug.runner.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;

/** Loopback ports for tests, in place of a fixed one (the deployments' default 8000) that another process may hold. */
public final class FreePorts {
    private FreePorts() {
    }

    /** A port on 127.0.0.1 that nothing listened on a moment ago. */
    public static int any() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException("No free port on 127.0.0.1", e);
        }
    }

    /**
     * Holds {@code port} on 127.0.0.1 for a test that needs it taken, or null when another process holds it already
     * (taken either way).
     */
    public static ServerSocket hold(int port) {
        try {
            return new ServerSocket(port, 1, InetAddress.getLoopbackAddress());
        } catch (IOException alreadyTaken) {
            return null;
        }
    }
}
