package dev.amldebug.runner.debug;

/**
 * How a debug run waits for its debugger.
 *
 * @param waitTimeoutSeconds how long the script waits for a debugger before {@code onTimeout} applies
 * @param abortOnTimeout     exit with {@link #EXIT_NO_DEBUGGER} instead of running without a debugger
 * @param noWait             start the script at once; a debugger may attach later
 */
public record DebugOptions(int waitTimeoutSeconds, boolean abortOnTimeout, boolean noWait) {
    /** The exit code of a run that aborted because no debugger attached in time. */
    public static final int EXIT_NO_DEBUGGER = 86;
    /** The port debugpy listens on inside the container; published on 127.0.0.1 at a free port. */
    public static final int CONTAINER_PORT = 5678;
    public static final String SHIM_DIR = "/aml/debug";
    public static final String SHIM = SHIM_DIR + "/aml_debug_shim.py";

    /** How long a debug run waits for a debugger unless told otherwise; the one place this default lives. */
    public static final int DEFAULT_WAIT_SECONDS = 300;

    public static DebugOptions defaults() {
        return new DebugOptions(DEFAULT_WAIT_SECONDS, false, false);
    }

    /** The defaults, waiting {@code seconds} instead when given. */
    public static DebugOptions waitingUpTo(Integer seconds) {
        return seconds == null ? defaults() : new DebugOptions(seconds, false, false);
    }

    /** The shim's options, as they go on its command line before {@code --}. */
    public String[] shimArguments() {
        return noWait
                ? new String[] {"--listen", "0.0.0.0:" + CONTAINER_PORT, "--no-wait"}
                : new String[] {"--listen", "0.0.0.0:" + CONTAINER_PORT, "--wait-timeout", Integer.toString(waitTimeoutSeconds),
                        "--on-timeout", abortOnTimeout ? "abort" : "continue"};
    }
}
