package dev.amldebug.cli;

import dev.amldebug.errors.AmlDebugException;
import dev.amldebug.bridge.DapTrace;
import dev.amldebug.bridge.console.Location;
import dev.amldebug.runner.debug.DebugOptions;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** The debugging options of {@code run}. */
final class DebugFlags {
    @Option(names = "--debug", description = "Run under debugpy (no script change), published on 127.0.0.1 at a free port.")
    boolean debug;

    @Option(names = "--wait-timeout", paramLabel = "SECONDS", defaultValue = "" + DebugOptions.DEFAULT_WAIT_SECONDS,
            description = "With --debug: how long the script waits for a debugger (default: ${DEFAULT-VALUE}).")
    int waitTimeout;

    @Option(names = "--on-timeout", paramLabel = "continue|abort", defaultValue = "continue",
            description = "With --debug: when nobody attached in time, run without a debugger (continue) or exit"
                    + " with code 86 (abort). Default: ${DEFAULT-VALUE}.")
    String onTimeout;

    @Option(names = "--no-wait", description = "With --debug: start the script at once; attach whenever you like.")
    boolean noWait;

    @Mixin
    PostMortemFlags postMortem;

    @Option(names = "--break", paramLabel = "FILE:LINE",
            description = "Attach the console debugger with a breakpoint here (repeatable; implies --debug).")
    List<String> breakpoints = new ArrayList<>();

    @Option(names = "--debug-ranks", paramLabel = "R", split = ",",
            description = "A distributed job: debug only these ranks (implies --debug; default: every rank). The"
                    + " others run plainly, and wait in collective calls while a debugged rank is paused.")
    List<Integer> debugRanks = new ArrayList<>();

    @Mixin
    StopAllOption stopAll;

    @Mixin
    TraceDapOption traceDap;

    boolean enabled() {
        return debug || !breakpoints.isEmpty() || !debugRanks.isEmpty();
    }

    DebugOptions options() {
        if (!onTimeout.equals("continue") && !onTimeout.equals("abort")) {
            throw AmlDebugException.badInput("--on-timeout takes continue or abort, not '" + onTimeout + "'");
        }
        if (waitTimeout < 0) {
            throw AmlDebugException.badInput("--wait-timeout takes a number of seconds, 0 or more");
        }
        // Before anything starts: a malformed --break would otherwise leave the run waiting for a debugger in vain.
        breakpoints.forEach(text -> Location.parse(text, Path.of(".")));
        return postMortem.adding(new DebugOptions(waitTimeout, onTimeout.equals("abort"), noWait));
    }

    /** A run's options: debugged from the start, with post-mortem only, or neither (null). */
    DebugOptions runOptions() {
        return enabled() ? options() : postMortem.adding(null);
    }

    DapTrace trace() {
        return traceDap.trace();
    }
}
