package dev.amldebug.bridge.hub;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Lets debuggees in: each connection must say a hello with the run's token within a few seconds,
 * before anything else is read from it; otherwise it is closed, with one log line that says why
 * (never with what it sent).
 */
final class HubAcceptor implements Runnable {
    private static final Logger LOG = LoggerFactory.getLogger(HubAcceptor.class);
    static final int HELLO_MILLIS = 10_000;

    private final ServerSocket server;
    private final HubToken token;
    private final Arrivals arrivals;
    private final RankPeers peers;
    private final Executor executor;
    private final AtomicInteger count = new AtomicInteger();

    HubAcceptor(ServerSocket server, HubToken token, Arrivals arrivals, RankPeers peers, Executor executor) {
        this.server = server;
        this.token = token;
        this.arrivals = arrivals;
        this.peers = peers;
        this.executor = executor;
    }

    @Override
    public void run() {
        AcceptLoop.serve(server, executor, this::handshake);
    }

    private void handshake(Socket socket) {
        String remote = socket.getInetAddress().getHostAddress() + ":" + socket.getPort();
        try {
            socket.setSoTimeout(HELLO_MILLIS);
            Hello.Greeting greeting = Hello.check(HandshakeLine.read(socket.getInputStream()), token,
                    "d" + count.incrementAndGet(), remote);
            socket.setSoTimeout(0);
            socket.setTcpNoDelay(true);
            socket.getOutputStream().write(Hello.WELCOME);
            if (greeting.peers()) {
                peers.joined(greeting.debuggee(), socket);
            } else {
                arrivals.joined(greeting.debuggee(), socket);
            }
        } catch (SocketTimeoutException e) {
            LOG.warn("The debug hub refused a connection from {}: it said no hello within {} s", remote,
                    HELLO_MILLIS / 1000);
            Arrivals.closeQuietly(socket);
        } catch (IOException e) {
            LOG.warn("The debug hub refused a connection from {}: {}", remote, e.getMessage());
            Arrivals.closeQuietly(socket);
        }
    }
}
