package dev.amldebug.bridge.console;

import dev.amldebug.bridge.DapBridge;
import dev.amldebug.bridge.DapTrace;
import dev.amldebug.bridge.LoopbackPair;
import dev.amldebug.bridge.target.PathMapping;
import dev.amldebug.bridge.hub.DebugHub;
import dev.amldebug.bridge.hub.Debuggee;
import dev.amldebug.bridge.hub.HubListener;
import java.io.IOException;
import java.util.List;
import java.util.OptionalInt;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The console debugger on every debuggee of a hub: a bridge in this process per rank, joined through loopback. */
public final class HubConsole implements HubListener {
    private static final Logger LOG = LoggerFactory.getLogger(HubConsole.class);

    private final DebugHub hub;
    private final List<PathMapping> pathMappings;
    private final boolean justMyCode;
    private final DapTrace trace;
    private final Executor executor;
    private final RankConsole console;
    private final int expected;
    private final AtomicInteger joined = new AtomicInteger();
    private final List<LoopbackPair> pairs = new CopyOnWriteArrayList<>();

    private HubConsole(DebugHub hub, List<PathMapping> pathMappings, boolean justMyCode, ConsoleOptions options,
                       int expected, DapTrace trace, Executor executor) {
        this.hub = hub;
        this.pathMappings = pathMappings;
        this.justMyCode = justMyCode;
        this.trace = trace;
        this.executor = executor;
        this.expected = expected;
        this.console = new RankConsole(options, executor, hub);
    }

    /**
     * Debugs every debuggee that joins the hub until {@code expected} of them have joined and ended (0: until the hub
     * closes and every one has ended), or the user quits.
     */
    public static OptionalInt debug(DebugHub hub, List<PathMapping> pathMappings, boolean justMyCode,
                                    ConsoleOptions options, int expected, DapTrace trace, Executor executor)
            throws Exception {
        if (!options.interactive()) {
            // Every stop is printed and continued at once: there is no world to hold.
            hub.stopAllRanks(false);
        }
        HubConsole wiring = new HubConsole(hub, pathMappings, justMyCode, options, expected, trace, executor);
        hub.addListener(wiring);
        try {
            return wiring.console.run();
        } finally {
            wiring.pairs.forEach(pair -> {
                try {
                    pair.close();
                } catch (IOException e) {
                    LOG.debug("Closing a rank's loopback failed", e);
                }
            });
        }
    }

    @Override
    public void joined(Debuggee debuggee) {
        executor.execute(() -> {
            try {
                LoopbackPair pair = LoopbackPair.open();
                pairs.add(pair);
                DapBridge bridge = new DapBridge(hub.target(debuggee, pathMappings, justMyCode), trace, executor);
                executor.execute(() -> serve(bridge, pair));
                console.add(debuggee, pair.left().getInputStream(), pair.left().getOutputStream());
            } catch (Exception e) {
                LOG.warn("Could not start a session for {}: {}", debuggee.name(), e.getMessage());
            } finally {
                // Only once the last one is in: the console ends when every rank it knows has ended.
                if (expected > 0 && joined.incrementAndGet() == expected) {
                    console.noMoreRanks();
                }
            }
        });
    }

    @Override
    public void closed() {
        console.noMoreRanks();
    }

    private static void serve(DapBridge bridge, LoopbackPair pair) {
        try {
            bridge.run(pair.right().getInputStream(), pair.right().getOutputStream());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (IOException e) {
            LOG.debug("A rank's bridge ended", e);
        }
    }
}
