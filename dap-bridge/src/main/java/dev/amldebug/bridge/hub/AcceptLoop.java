package dev.amldebug.bridge.hub;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.concurrent.Executor;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Takes connections until the server socket closes; each is handled on the executor, never on this loop. */
final class AcceptLoop {
    private static final Logger LOG = LoggerFactory.getLogger(AcceptLoop.class);

    private AcceptLoop() {
    }

    static void serve(ServerSocket server, Executor executor, Consumer<Socket> handler) {
        while (!server.isClosed()) {
            try {
                Socket socket = server.accept();
                executor.execute(() -> handler.accept(socket));
            } catch (IOException e) {
                if (!server.isClosed()) {
                    LOG.warn("The debug hub stopped taking connections: {}", e.getMessage());
                }
                return;
            }
        }
    }
}
