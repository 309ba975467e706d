package dev.amldebug.bridge.hub;

import dev.amldebug.bridge.target.DebuggeeDialer;
import java.io.IOException;
import java.net.Socket;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The debuggees in the hub: each connection waits here, after its hello, until one session
 * claims it. Listeners hear each join and leave.
 */
final class Arrivals {
    private static final Logger LOG = LoggerFactory.getLogger(Arrivals.class);

    private final Map<String, Socket> waiting = new ConcurrentHashMap<>();
    private final Map<String, Debuggee> present = new ConcurrentHashMap<>();
    private final Map<String, Socket> claimed = new ConcurrentHashMap<>();
    private final List<HubListener> listeners = new CopyOnWriteArrayList<>();
    private volatile boolean closed;

    synchronized void joined(Debuggee debuggee, Socket socket) throws IOException {
        if (closed) {
            socket.close();
            return;
        }
        waiting.put(debuggee.id(), socket);
        present.put(debuggee.id(), debuggee);
        LOG.info("{} joined the debug hub from {} (pid {})", debuggee.name(), debuggee.remote(), debuggee.pid());
        listeners.forEach(listener -> listener.joined(debuggee));
    }

    synchronized void addListener(HubListener listener) {
        listeners.add(listener);
        debuggees().forEach(listener::joined);
        if (closed) {
            listener.closed();
        }
    }

    List<Debuggee> debuggees() {
        List<Debuggee> all = new ArrayList<>(present.values());
        all.sort(Comparator.comparing((Debuggee d) -> d.rank() == null ? Integer.MAX_VALUE : d.rank())
                .thenComparing(Debuggee::id));
        return all;
    }

    Optional<Debuggee> find(String id) {
        return Optional.ofNullable(present.get(id));
    }

    /** The debuggee's connection, once: whoever claims it owns it, and its closing means the debuggee left. */
    Optional<DebuggeeDialer.Connection> claim(String id) throws IOException {
        Socket socket = waiting.remove(id);
        if (socket == null) {
            return Optional.empty();
        }
        Debuggee debuggee = present.get(id);
        claimed.put(id, socket);
        AtomicBoolean gone = new AtomicBoolean();
        DebuggeeDialer.Connection connection = DebuggeeDialer.Connection.of(socket);
        return Optional.of(new DebuggeeDialer.Connection(connection.in(), connection.out(), () -> {
            socket.close();
            if (gone.compareAndSet(false, true)) {
                left(debuggee);
            }
        }));
    }

    private void left(Debuggee debuggee) {
        claimed.remove(debuggee.id());
        if (present.remove(debuggee.id()) != null) {
            LOG.info("{} left the debug hub", debuggee.name());
            listeners.forEach(listener -> listener.left(debuggee));
        }
    }

    synchronized void close() {
        closed = true;
        waiting.values().forEach(Arrivals::closeQuietly);
        waiting.clear();
        claimed.values().forEach(Arrivals::closeQuietly);
        listeners.forEach(HubListener::closed);
    }

    boolean isClosed() {
        return closed;
    }

    static void closeQuietly(AutoCloseable closeable) {
        try {
            closeable.close();
        } catch (Exception e) {
            LOG.debug("Closing a hub connection failed", e);
        }
    }
}
