package dev.amldebug.bridge.hub;

import dev.amldebug.bridge.target.BridgeTarget;
import dev.amldebug.bridge.target.DebuggeeDialer;
import dev.amldebug.bridge.LoopbackPair;
import java.util.concurrent.Executor;

/**
 * The target of a parent session: a run whose debuggees come through a hub. A bridge serves it like any
 * target, and its client gets a child session per debuggee through DAP's {@code startDebugging}; the client
 * must have said {@code supportsStartDebuggingRequest} in {@code initialize}.
 */
public final class HubParent {
    private HubParent() {
    }

    /**
     * @param run the run's own target: its path mappings and justMyCode go to every child, its exit code and
     *            termination are the parent session's
     */
    public static BridgeTarget target(DebugHub hub, BridgeTarget run, Executor executor) {
        DebuggeeDialer dialer = (target, timeoutMillis) -> {
            LoopbackPair pair = LoopbackPair.open();
            executor.execute(new ParentAdapter(hub, pair.right()));
            DebuggeeDialer.Connection left = DebuggeeDialer.Connection.of(pair.left());
            return new DebuggeeDialer.Connection(left.in(), left.out(), pair);
        };
        return new BridgeTarget(hub.address().getHostString(), hub.address().getPort(), run.pathMappings(),
                run.justMyCode(), DebugHub.CLAIM_TIMEOUT, run.ownKeys(), run.exitCode(), run.terminate(), dialer);
    }
}
