package dev.amldebug.runner.run;

import dev.amldebug.runner.debug.DebugOptions;

/**
 * How a run starts.
 *
 * @param detach leave the run to itself once the container started
 * @param debug  run under the debug shim with debugpy published on 127.0.0.1; null for a plain run
 */
public record StartOptions(boolean detach, DebugOptions debug) {
    public static final StartOptions FOREGROUND = new StartOptions(false, null);
    public static final StartOptions DETACHED = new StartOptions(true, null);

    public static StartOptions debug(DebugOptions debug) {
        return new StartOptions(false, debug);
    }
}
