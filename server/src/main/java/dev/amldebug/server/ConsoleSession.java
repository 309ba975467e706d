package dev.amldebug.server;

import dev.amldebug.bridge.BridgeTarget;
import dev.amldebug.bridge.DapBridge;
import dev.amldebug.bridge.DapTrace;
import dev.amldebug.bridge.LoopbackPair;
import dev.amldebug.bridge.console.ConsoleDebugger;
import dev.amldebug.bridge.console.ConsoleOptions;
import java.util.OptionalInt;

/** The console debugger joined to a bridge in this process, through a loopback socket pair. */
public final class ConsoleSession {
    private ConsoleSession() {
    }

    public static OptionalInt debug(BridgeTarget target, ConsoleOptions options, DapTrace trace) throws Exception {
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
