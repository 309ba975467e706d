package dev.amldebug.bridge.intercept;

import dev.amldebug.bridge.target.BridgeTarget;
import dev.amldebug.bridge.protocol.DapMessage;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executor;

/**
 * What an {@link Interceptor} may know and do in one debug session. Messages to the client keep
 * the order in which they were handed over, including those that are not ready yet.
 */
public interface SessionContext {
    /** A sequence number for a message of our own. */
    int nextSeq();

    void toClient(DapMessage message);

    /**
     * Messages that blocking work (run on {@link #executor()}) is still producing. They reach the
     * client when ready, and whatever is sent to the client after this call waits for them.
     */
    void toClientWhenReady(CompletionStage<List<DapMessage>> messages);

    /** The debugpy of this session; empty until it is known (a launch may still be starting it). */
    Optional<BridgeTarget> target();

    default boolean targetKnown() {
        return target().isPresent();
    }

    /** debugpy went away, or could not be found or reached: no request will be answered by it. */
    boolean debuggeeEnded();

    /** The client has asked to disconnect: from now on, debugpy going away needs no telling. */
    void clientLeft();

    boolean hasClientLeft();

    /** Ends the session once everything handed to the client so far has been written. */
    void endSession();

    /** Ends the debuggee for good, as soon as it is known (at once if it is). */
    void terminateDebuggee();

    /** For blocking work, such as asking a container for its exit code; never block a reader thread. */
    Executor executor();
}
