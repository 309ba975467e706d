package dev.amldebug.cli;

import dev.amldebug.bridge.DapTrace;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** What the console debugger takes wherever it attaches to a debugpy by address: breakpoints, the address policy, code. */
final class ConsoleDebugOptions {
    @Option(names = "--break", paramLabel = "FILE:LINE", description = "A breakpoint (repeatable).")
    List<String> breakpoints = new ArrayList<>();

    @Option(names = "--allow-public", description = "Allow the debuggee's address to be a public one (default: loopback"
            + " and private addresses only).")
    boolean allowPublic;

    @Option(names = "--all-code", description = "Step into and stop in library code too (justMyCode off).")
    boolean allCode;

    @Mixin
    StopAllOption stopAll;

    @Mixin
    TraceDapOption traceDap;

    DapTrace trace() {
        return traceDap.trace();
    }
}
