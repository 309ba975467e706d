package dev.amldebug.bridge.hub;

import dev.amldebug.bridge.target.BridgeTarget;
import dev.amldebug.bridge.target.PathMapping;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.List;
import java.util.OptionalInt;
import java.util.Set;
import java.util.concurrent.Executor;

/**
 * One endpoint that many debuggees dial (the ranks of a multi-node run, each under the debug
 * shim's connect mode). Each must say a hello with the hub's token first; then it waits until a
 * session takes it: in this process ({@link #target}) or in another ({@link #ticket}). Closing
 * the hub closes every connection it holds.
 *
 * <p>Threads come from the caller's executor: one accept loop per endpoint, one short task per
 * handshake, and the sessions' own.
 */
public final class DebugHub implements AutoCloseable {
    static final Duration CLAIM_TIMEOUT = Duration.ofSeconds(10);

    private final ServerSocket server;
    private final HubToken token = HubToken.random();
    private final Arrivals arrivals = new Arrivals();
    private final Handoff handoff;
    private final RankPeers peers;

    private DebugHub(ServerSocket server, Executor executor) throws IOException {
        this.server = server;
        this.handoff = new Handoff(arrivals, executor);
        this.peers = new RankPeers(executor);
        executor.execute(new HubAcceptor(server, token, arrivals, peers, executor));
    }

    /**
     * Listens at {@code bind}: an address the debuggees reach, such as the gateway of the run's Docker network
     * (loopback reaches nothing inside a container).
     *
     * @param port 0 for any free port
     */
    public static DebugHub start(InetAddress bind, int port, Executor executor) throws IOException {
        ServerSocket server = new ServerSocket();
        server.bind(new InetSocketAddress(bind, port), 50);
        return new DebugHub(server, executor);
    }

    /** Where debuggees dial: the shim's {@code --connect HOST:PORT}. */
    public InetSocketAddress address() {
        return (InetSocketAddress) server.getLocalSocketAddress();
    }

    /**
     * The secret each debuggee must present, for the environment variable {@link HubShim#TOKEN_ENV} of its process
     * (never its command line). Never log it.
     */
    public String token() {
        return token.value();
    }

    /** The debuggees in the hub now, by rank. */
    public List<Debuggee> debuggees() {
        return arrivals.debuggees();
    }

    /**
     * Stop-the-world (on unless set off): when one rank stops, the debug shim of every other rank pauses it, and
     * continuing any rank continues them all. Each rank hears a change at once.
     */
    public void stopAllRanks(boolean on) {
        peers.stopAll(on);
    }

    public boolean stopsAllRanks() {
        return peers.stopsAll();
    }

    /** Each rank's last word on whether it is paused and what its pause governor holds, lower ranks first. */
    public List<RankStatus> rankStatuses() {
        return peers.statuses();
    }

    /** Hears every debuggee that joins (those already in at once) and leaves, and the hub's end. */
    public void addListener(HubListener listener) {
        arrivals.addListener(listener);
    }

    /**
     * A session target for a debuggee, for a bridge in this process: the session takes the debuggee's connection
     * (once; a second session for the same debuggee is refused).
     */
    public BridgeTarget target(Debuggee debuggee, List<PathMapping> pathMappings, boolean justMyCode) {
        return new BridgeTarget(address().getHostString(), address().getPort(), pathMappings, justMyCode,
                CLAIM_TIMEOUT, Set.of(), OptionalInt::empty, () -> { },
                (target, timeoutMillis) -> arrivals.claim(debuggee.id()).orElseThrow(() -> new IOException(
                        debuggee.name() + " is already being debugged, or has left")));
    }

    /** A one-time ticket for a session in another process on this machine (see {@link HubChild}). */
    public HubTicket ticket(Debuggee debuggee) {
        return new HubTicket(handoff.port(), handoff.ticket(debuggee.id()));
    }

    @Override
    public void close() {
        Arrivals.closeQuietly(server);
        handoff.close();
        peers.close();
        arrivals.close();
    }
}
