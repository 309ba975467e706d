package dev.amldebug.server;

import dev.amldebug.bridge.BridgeTarget;
import dev.amldebug.bridge.DapBridge;
import dev.amldebug.bridge.DapTrace;
import dev.amldebug.bridge.LoopbackPair;
import dev.amldebug.bridge.console.ConsoleDebugger;
import dev.amldebug.bridge.console.ConsoleOptions;
import java.util.Map;
import java.util.OptionalInt;

/** The console debugger joined to a bridge in this process, through a loopback socket pair. */
public final class ConsoleSession {
    private ConsoleSession() {
    }

    /** Debugs until the debuggee ends; subprocesses that debugpy announces get sessions of their own. */
    public static OptionalInt debug(BridgeTarget target, ConsoleOptions options, DapTrace trace) throws Exception {
        return session(target, options.withSubprocesses(arguments -> debugSubprocess(target, options, arguments, trace)),
                trace);
    }

    private static void debugSubprocess(BridgeTarget parent, ConsoleOptions options, Map<String, Object> arguments,
                                        DapTrace trace) {
        // The subprocess's own exit code is not the container's: report none rather than a wrong one.
        BridgeTarget child = new BridgeTarget(parent.host(), parent.port(), parent.pathMappings(), parent.justMyCode(),
                parent.connectTimeout(), OptionalInt::empty, () -> { });
        Thread thread = new Thread(() -> {
            try {
                debug(child, options.withAttachArguments(arguments), trace);
            } catch (Exception e) {
                options.out().println("aml-debug: the subprocess session ended: " + e.getMessage());
            }
        }, "console-subprocess");
        thread.setDaemon(true);
        thread.start();
    }

    private static OptionalInt session(BridgeTarget target, ConsoleOptions options, DapTrace trace) throws Exception {
        try (LoopbackPair pair = LoopbackPair.open()) {
            DapBridge bridge = new DapBridge(target, trace);
            Thread bridging = new Thread(() -> {
                try {
                    bridge.run(pair.right().getInputStream(), pair.right().getOutputStream());
                } catch (Exception e) {
                    Thread.currentThread().interrupt();
                }
            }, "console-bridge");
            bridging.setDaemon(true);
            bridging.start();
            return new ConsoleDebugger(options).run(pair.left().getInputStream(), pair.left().getOutputStream());
        }
    }
}
