package dev.amldebug.bridge.target;

import java.time.Duration;
import java.util.List;
import java.util.OptionalInt;
import java.util.Set;
import java.util.function.Supplier;

/**
 * The debugpy a bridge session talks to, and what the session should do around it.
 *
 * @param connectTimeout how long to keep trying to reach debugpy (a container may still be starting)
 * @param ownKeys        launch/attach arguments that whoever made this target consumed (runId, job, ...):
 *                       they are ours, and debugpy never sees them
 * @param exitCode       the debuggee's exit code once debugpy has gone, if it can be known (a container's);
 *                       it may block, so the bridge never calls it on a reader thread
 * @param terminate      ends the debuggee for good, when the client disconnects with terminateDebuggee
 * @param dialer         how to reach debugpy: by its host and port, unless it dialled in (the debug hub)
 */
public record BridgeTarget(String host, int port, List<PathMapping> pathMappings, boolean justMyCode,
                           Duration connectTimeout, Set<String> ownKeys, Supplier<OptionalInt> exitCode,
                           Runnable terminate, DebuggeeDialer dialer) {
    public static final Duration DEFAULT_CONNECT_TIMEOUT = Duration.ofSeconds(30);

    public BridgeTarget {
        AddressPolicy.checkPort(port);
    }

    /** A debugpy reached at its host and port. */
    public BridgeTarget(String host, int port, List<PathMapping> pathMappings, boolean justMyCode,
                        Duration connectTimeout, Set<String> ownKeys, Supplier<OptionalInt> exitCode,
                        Runnable terminate) {
        this(host, port, pathMappings, justMyCode, connectTimeout, ownKeys, exitCode, terminate, DebuggeeDialer.TCP);
    }

    /** Any debugpy: no exit code known, nothing to terminate beyond what debugpy itself does. */
    public static BridgeTarget of(String host, int port, List<PathMapping> pathMappings) {
        return new BridgeTarget(host, port, pathMappings, true, DEFAULT_CONNECT_TIMEOUT, Set.of(), OptionalInt::empty,
                () -> { });
    }

    public BridgeTarget withJustMyCode(boolean value) {
        return new BridgeTarget(host, port, pathMappings, value, connectTimeout, ownKeys, exitCode, terminate, dialer);
    }

    public BridgeTarget withOwnKeys(Set<String> keys) {
        return new BridgeTarget(host, port, pathMappings, justMyCode, connectTimeout, Set.copyOf(keys), exitCode,
                terminate, dialer);
    }

    public BridgeTarget withDialer(DebuggeeDialer value) {
        return new BridgeTarget(host, port, pathMappings, justMyCode, connectTimeout, ownKeys, exitCode, terminate,
                value);
    }

    /** The same debugpy with no lifecycle of its own: for a subprocess, whose exit code is not the container's. */
    public BridgeTarget withoutLifecycle() {
        return new BridgeTarget(host, port, pathMappings, justMyCode, connectTimeout, ownKeys, OptionalInt::empty,
                () -> { }, dialer);
    }

    public String address() {
        return host + ":" + port;
    }
}
