package dev.amldebug.server.debug;

import dev.amldebug.bridge.target.BridgeTarget;
import dev.amldebug.bridge.DapBridge;
import dev.amldebug.bridge.DapTrace;
import dev.amldebug.bridge.LoopbackPair;
import dev.amldebug.bridge.console.ConsoleDebugger;
import dev.amldebug.bridge.target.PathMapping;
import dev.amldebug.bridge.console.ConsoleOptions;
import dev.amldebug.bridge.console.HubConsole;
import dev.amldebug.bridge.hub.DebugHub;
import dev.amldebug.errors.Sentences;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.concurrent.ExecutorService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The console debugger joined to a bridge in this process, through a loopback socket pair. */
public final class ConsoleSession {
    private static final Logger LOG = LoggerFactory.getLogger(ConsoleSession.class);

    private final ExecutorService executor;
    private final DapTrace trace;

    public ConsoleSession(ExecutorService executor, DapTrace trace) {
        this.executor = executor;
        this.trace = trace;
    }

    /** Debugs until the debuggee ends; subprocesses that debugpy announces get sessions of their own. */
    public OptionalInt debug(BridgeTarget target, ConsoleOptions options) throws Exception {
        return session(target, options.withSubprocesses(arguments -> debugSubprocess(target, options, arguments)));
    }

    /**
     * The console debugger on every debuggee of a hub, a session per rank, until {@code expected} ranks have joined
     * and ended (0: until the hub closes and every rank has ended), or the user quits.
     */
    public OptionalInt debugRanks(DebugHub hub, List<PathMapping> pathMappings, boolean justMyCode,
                                  ConsoleOptions options, int expected) throws Exception {
        return HubConsole.debug(hub, pathMappings, justMyCode, options, expected, trace, executor);
    }

    private void debugSubprocess(BridgeTarget parent, ConsoleOptions options, Map<String, Object> arguments) {
        // The subprocess's own exit code is not the container's: report none rather than a wrong one.
        BridgeTarget child = parent.withoutLifecycle();
        executor.execute(() -> {
            try {
                debug(child, options.withAttachArguments(arguments));
            } catch (Exception e) {
                options.out().println("aml-debug: the subprocess session ended: " + Sentences.of(e));
            }
        });
    }

    private OptionalInt session(BridgeTarget target, ConsoleOptions options) throws Exception {
        try (LoopbackPair pair = LoopbackPair.open()) {
            DapBridge bridge = new DapBridge(target, trace, executor);
            executor.execute(() -> {
                try {
                    bridge.run(pair.right().getInputStream(), pair.right().getOutputStream());
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                } catch (Exception e) {
                    LOG.debug("The console's bridge ended", e);
                }
            });
            return new ConsoleDebugger(options, executor).run(pair.left().getInputStream(), pair.left().getOutputStream());
        }
    }
}
