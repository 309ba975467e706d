package dev.amldebug.bridge.hub;

import dev.amldebug.bridge.target.DebuggeeDialer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Hands a debuggee to a session in another process (an {@code aml-debug dap} that a client
 * started for a child session). It listens on loopback only; a connection first says a one-time
 * ticket on one line, is welcomed as a debuggee is, and then its bytes are joined to the
 * debuggee's. The hub's token never leaves the hub.
 */
final class Handoff implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(Handoff.class);

    private final ServerSocket server;
    private final Arrivals arrivals;
    private final Executor executor;
    private final Map<String, String> tickets = new ConcurrentHashMap<>();

    Handoff(Arrivals arrivals, Executor executor) throws IOException {
        this.server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        this.arrivals = arrivals;
        this.executor = executor;
        executor.execute(() -> AcceptLoop.serve(server, executor, this::handOver));
    }

    int port() {
        return server.getLocalPort();
    }

    /** A ticket good for one connection to the debuggee. */
    String ticket(String debuggeeId) {
        String ticket = HubToken.random().value();
        tickets.put(ticket, debuggeeId);
        return ticket;
    }

    /** The debuggee a ticket names, once: the ticket is spent. */
    Optional<DebuggeeDialer.Connection> redeem(String ticket) throws IOException {
        String id = tickets.remove(ticket);
        return id == null ? Optional.empty() : arrivals.claim(id);
    }

    private void handOver(Socket socket) {
        try {
            socket.setSoTimeout(HubAcceptor.HELLO_MILLIS);
            Optional<DebuggeeDialer.Connection> debuggee = redeem(HandshakeLine.read(socket.getInputStream()));
            if (debuggee.isEmpty()) {
                LOG.warn("The debug hub refused a session from another process: its ticket is unknown or spent");
                socket.close();
                return;
            }
            socket.setSoTimeout(0);
            socket.getOutputStream().write(Hello.WELCOME);
            Splice.join(DebuggeeDialer.Connection.of(socket), debuggee.get(), executor);
        } catch (SocketTimeoutException e) {
            LOG.warn("The debug hub refused a session from another process: it sent no ticket in time");
            Arrivals.closeQuietly(socket);
        } catch (IOException e) {
            LOG.warn("The debug hub refused a session from another process: {}", e.getMessage());
            Arrivals.closeQuietly(socket);
        }
    }

    @Override
    public void close() {
        Arrivals.closeQuietly(server);
        tickets.clear();
    }
}
