package dev.amldebug.bridge;

import dev.amldebug.bridge.target.BridgeTarget;
import dev.amldebug.bridge.intercept.Interceptor;
import dev.amldebug.bridge.protocol.DapMessages;
import dev.amldebug.bridge.protocol.DapWriter;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.Optional;
import java.util.concurrent.Executor;

/**
 * One debug session between a DAP client and debugpy. The bridge itself is wiring: messages cross
 * unchanged unless an {@link Interceptor} of the session's chain rewrites, answers or drops them,
 * and the session's state (target, open requests, replay buffer, interceptors) lives in one
 * session object. That keeps room for a hub that accepts several debuggees and presents each as
 * a child session: one session object per debuggee, over shared wiring.
 *
 * <p>The client may speak before debugpy can be reached: its messages wait, and are sent again if
 * a connection dies before debugpy said anything (a published port accepts connections before
 * the container listens). When debugpy goes away, the client gets {@code exited} and
 * {@code terminated}.
 *
 * <p>The executor runs the session's long-lived loops (reading the client, connecting to and
 * reading debugpy) and its blocking work (finding the target, its exit code, terminating it),
 * several at once: give it one that does not queue, such as a cached thread pool.
 */
public final class DapBridge {
    private final Optional<BridgeTarget> knownTarget;
    private final TargetResolver resolver;
    private final DapTrace trace;
    private final Executor executor;
    private volatile BridgeSession session;

    /** A session whose debugpy is known from the start. */
    public DapBridge(BridgeTarget target, DapTrace trace, Executor executor) {
        this(Optional.of(target), request -> target, trace, executor);
    }

    /** A session whose debugpy is found from the client's launch or attach request. */
    public DapBridge(TargetResolver resolver, DapTrace trace, Executor executor) {
        this(Optional.empty(), resolver, trace, executor);
    }

    private DapBridge(Optional<BridgeTarget> knownTarget, TargetResolver resolver, DapTrace trace,
                      Executor executor) {
        this.knownTarget = knownTarget;
        this.resolver = resolver;
        this.trace = trace;
        this.executor = executor;
    }

    /** Serves the client until it leaves or the session ends. */
    public void run(InputStream clientIn, OutputStream clientOut) throws InterruptedException {
        BridgeSession current = new BridgeSession(new DapWriter(clientOut), InterceptorChain.standard(), trace,
                executor);
        knownTarget.ifPresent(current::targetFound);
        DebuggeeSide debuggee = new DebuggeeSide(current);
        session = current;
        try {
            current.whenTargetFound(debuggee::connect);
            executor.execute(new ClientSide(clientIn, current, new TargetResolution(resolver, current)));
            current.awaitEnd();
        } finally {
            current.endNow();
            debuggee.close();
        }
    }

    /** Tells the client something of our own, such as a line of the run's control log. */
    public void notifyClient(String category, String text) {
        BridgeSession current = session;
        if (current != null && !current.hasEnded()) {
            current.toClient(DapMessages.output(current.nextSeq(), category, text));
        }
    }

    /** For tests and callers that wait: the session has ended. */
    public boolean hasEnded() {
        BridgeSession current = session;
        return current != null && current.hasEnded();
    }
}
