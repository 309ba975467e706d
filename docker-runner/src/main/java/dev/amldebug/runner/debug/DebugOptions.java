package dev.amldebug.runner.debug;

import java.util.ArrayList;
import java.util.List;

/**
 * How a debug run waits for its debugger.
 *
 * @param waitTimeoutSeconds how long the script waits for a debugger before {@code onTimeout} applies
 * @param abortOnTimeout     exit with {@link #EXIT_NO_DEBUGGER} instead of running without a debugger
 * @param noWait             start the script at once; a debugger may attach later
 * @param postMortemSeconds  with a number: an exception the script does not handle holds it this long for a
 *                           debugger, which stops where it was raised (post-mortem); null for none
 */
public record DebugOptions(int waitTimeoutSeconds, boolean abortOnTimeout, boolean noWait, Integer postMortemSeconds) {
    /** The exit code of a run that aborted because no debugger attached in time. */
    public static final int EXIT_NO_DEBUGGER = 86;
    /** The port debugpy listens on inside the container; published on 127.0.0.1 at a free port. */
    public static final int CONTAINER_PORT = 5678;
    public static final String SHIM_DIR = "/aml/debug";
    public static final String SHIM = SHIM_DIR + "/aml_debug_shim.py";

    /** How long a debug run waits for a debugger unless told otherwise; the one place this default lives. */
    public static final int DEFAULT_WAIT_SECONDS = 300;
    /** How long a failed script waits for a debugger (post-mortem) unless told otherwise; the one place this lives. */
    public static final int DEFAULT_POST_MORTEM_SECONDS = 600;

    public DebugOptions(int waitTimeoutSeconds, boolean abortOnTimeout, boolean noWait) {
        this(waitTimeoutSeconds, abortOnTimeout, noWait, null);
    }

    public static DebugOptions defaults() {
        return new DebugOptions(DEFAULT_WAIT_SECONDS, false, false);
    }

    /** The defaults, waiting {@code seconds} instead when given. */
    public static DebugOptions waitingUpTo(Integer seconds) {
        return seconds == null ? defaults() : new DebugOptions(seconds, false, false);
    }

    /** Post-mortem only: the script starts at once, and a failure waits {@code seconds} (or the default) for a debugger. */
    public static DebugOptions postMortemOnly(Integer seconds) {
        return new DebugOptions(0, false, true).withPostMortem(seconds);
    }

    /**
     * A run's options when post-mortem is asked for or not: {@code debug} (null for a run not debugged from its
     * start) with post-mortem waiting {@code seconds} (the default when null) added when {@code postMortem}.
     */
    public static DebugOptions addingPostMortem(DebugOptions debug, boolean postMortem, Integer seconds) {
        if (!postMortem) {
            return debug;
        }
        return debug == null ? postMortemOnly(seconds) : debug.withPostMortem(seconds);
    }

    /** These options, and post-mortem waiting {@code seconds} (the default when null). */
    public DebugOptions withPostMortem(Integer seconds) {
        return new DebugOptions(waitTimeoutSeconds, abortOnTimeout, noWait,
                seconds == null ? DEFAULT_POST_MORTEM_SECONDS : seconds);
    }

    public boolean postMortem() {
        return postMortemSeconds != null;
    }

    /** Whether the debugger is only wanted when the script fails: nothing waits for it at the start. */
    public boolean waitsOnlyOnFailure() {
        return postMortem() && noWait;
    }

    /** The shim's options, as they go on its command line before {@code --}. */
    /** The shim's options in connect mode: it dials the debug hub at {@code hubAddress} (HOST:PORT) instead of listening. */
    public String[] connectArguments(String hubAddress) {
        List<String> arguments = new ArrayList<>(List.of(shimArguments()));
        // The waiting and post-mortem rules are listen mode's: the same options after --listen HOST:PORT.
        arguments.set(0, "--connect");
        arguments.set(1, hubAddress);
        return arguments.toArray(String[]::new);
    }

    public String[] shimArguments() {
        List<String> arguments = new ArrayList<>(List.of("--listen", "0.0.0.0:" + CONTAINER_PORT));
        if (noWait) {
            arguments.add("--no-wait");
        } else {
            arguments.addAll(List.of("--wait-timeout", Integer.toString(waitTimeoutSeconds), "--on-timeout",
                    abortOnTimeout ? "abort" : "continue"));
        }
        if (postMortem()) {
            arguments.addAll(List.of("--post-mortem", "--post-mortem-timeout", postMortemSeconds.toString()));
        }
        return arguments.toArray(String[]::new);
    }
}
