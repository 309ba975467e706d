package dev.amldebug.runner.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.HashSet;
import java.util.Set;

/** Loopback ports for tests, in place of a fixed one (the deployments' default 8000) that another process may hold. */
public final class FreePorts {
    private FreePorts() {
    }

    /** Ports handed out already: the kernel may give a just-closed port again, and one test asks for two. */
    private static final Set<Integer> GIVEN = new HashSet<>();

    /** A port on 127.0.0.1 that nothing listened on a moment ago, and that this method has not given before. */
    public static synchronized int any() {
        while (true) {
            try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
                if (GIVEN.add(socket.getLocalPort())) {
                    return socket.getLocalPort();
                }
            } catch (IOException e) {
                throw new UncheckedIOException("No free port on 127.0.0.1", e);
            }
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
