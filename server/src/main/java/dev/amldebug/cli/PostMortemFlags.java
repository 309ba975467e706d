package dev.amldebug.cli;

import dev.amldebug.errors.AmlDebugException;
import dev.amldebug.runner.debug.DebugOptions;
import picocli.CommandLine.Option;

/** --post-mortem and its timeout, for {@code run} and {@code deploy up}. */
final class PostMortemFlags {
    @Option(names = "--post-mortem", description = "If the script raises an exception it does not handle, keep it there"
            + " for a debugger, which stops where it was raised (the console debugger attaches). Without --debug,"
            + " nothing waits at the start.")
    boolean enabled;

    @Option(names = "--post-mortem-timeout", paramLabel = "SECONDS", defaultValue = "" + DebugOptions.DEFAULT_POST_MORTEM_SECONDS,
            description = "With --post-mortem: how long a failed script waits for a debugger (default: ${DEFAULT-VALUE}).")
    int timeout;

    int timeout() {
        if (timeout < 0) {
            throw AmlDebugException.badInput("--post-mortem-timeout takes a number of seconds, 0 or more");
        }
        return timeout;
    }

    /** {@code debug} (null: not debugged from the start) with post-mortem added when asked for. */
    DebugOptions adding(DebugOptions debug) {
        return DebugOptions.addingPostMortem(debug, enabled, enabled ? timeout() : null);
    }
}
