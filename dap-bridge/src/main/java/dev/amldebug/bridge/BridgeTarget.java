package dev.amldebug.bridge;

import java.time.Duration;
import java.util.List;
import java.util.OptionalInt;
import java.util.function.Supplier;

/**
 * The debugpy a bridge session talks to, and what the session should do around it.
 *
 * @param connectTimeout how long to keep trying to reach debugpy (a container may still be starting)
 * @param exitCode       the debuggee's exit code once debugpy has gone, if it can be known (a container's)
 * @param terminate      ends the debuggee for good, when the client disconnects with terminateDebuggee
 */
public record BridgeTarget(String host, int port, List<PathMapping> pathMappings, boolean justMyCode,
                           Duration connectTimeout, Supplier<OptionalInt> exitCode, Runnable terminate) {

    public static BridgeTarget of(String host, int port, List<PathMapping> pathMappings) {
        return new BridgeTarget(host, port, pathMappings, true, Duration.ofSeconds(30), OptionalInt::empty, () -> { });
    }

    public String address() {
        return host + ":" + port;
    }
}
