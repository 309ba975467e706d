package dev.amldebug.server;

import dev.amldebug.bridge.target.BridgeTarget;
import dev.amldebug.bridge.DapBridge;
import dev.amldebug.bridge.DapTrace;
import dev.amldebug.bridge.LoopbackPair;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.eclipse.lsp4j.debug.ExitedEventArguments;
import org.eclipse.lsp4j.debug.InitializeRequestArguments;
import org.eclipse.lsp4j.debug.OutputEventArguments;
import org.eclipse.lsp4j.debug.SetBreakpointsArguments;
import org.eclipse.lsp4j.debug.Source;
import org.eclipse.lsp4j.debug.SourceBreakpoint;
import org.eclipse.lsp4j.debug.StoppedEventArguments;
import org.eclipse.lsp4j.debug.TerminatedEventArguments;
import org.eclipse.lsp4j.debug.launch.DSPLauncher;
import org.eclipse.lsp4j.debug.services.IDebugProtocolClient;
import org.eclipse.lsp4j.debug.services.IDebugProtocolServer;

/** A real DAP client (lsp4j) joined to a bridge in this process, collecting events for tests. */
public final class TestDebugClient implements IDebugProtocolClient, AutoCloseable {
    static final Duration WAIT = Duration.ofSeconds(60);

    public final IDebugProtocolServer server;
    final BlockingQueue<Object> events = new LinkedBlockingQueue<>();
    final List<String> output = new CopyOnWriteArrayList<>();
    final DapBridge bridge;
    private final LoopbackPair pair;
    private final java.io.Closeable connection;

    /** A client on streams to an adapter elsewhere (the language server's debug endpoint). */
    public TestDebugClient(java.io.InputStream in, java.io.OutputStream out, java.io.Closeable connection) {
        this.pair = null;
        this.bridge = null;
        this.connection = connection;
        var launcher = DSPLauncher.createClientLauncher(this, in, out);
        launcher.startListening();
        server = launcher.getRemoteProxy();
    }

    private static final java.util.concurrent.ExecutorService BRIDGE_THREADS =
            java.util.concurrent.Executors.newCachedThreadPool();

    TestDebugClient(BridgeTarget target) throws IOException {
        pair = LoopbackPair.open();
        connection = pair::close;
        bridge = new DapBridge(target, DapTrace.NONE, BRIDGE_THREADS);
        var toClient = pair.right().getOutputStream();
        var fromClient = pair.right().getInputStream();
        Thread bridging = new Thread(() -> {
            try {
                bridge.run(fromClient, toClient);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "test-bridge");
        bridging.setDaemon(true);
        bridging.start();
        var launcher = DSPLauncher.createClientLauncher(this, pair.left().getInputStream(), pair.left().getOutputStream());
        launcher.startListening();
        server = launcher.getRemoteProxy();
    }

    LoopbackPair connection() {
        return pair;
    }

    /** initialize and attach without waiting, then breakpoints and configurationDone: as an eager client would. */
    public CompletableFuture<Void> startSession(Map<String, SourceBreakpoint[]> breakpoints) {
        InitializeRequestArguments init = new InitializeRequestArguments();
        init.setClientID("test");
        init.setAdapterID("python");
        init.setLinesStartAt1(true);
        init.setColumnsStartAt1(true);
        init.setPathFormat("path");
        server.initialize(init);
        server.attach(Map.of("name", "test"));
        breakpoints.forEach((file, lines) -> server.setBreakpoints(breakpointsFor(file, lines)));
        return server.configurationDone(new org.eclipse.lsp4j.debug.ConfigurationDoneArguments());
    }

    public static SetBreakpointsArguments breakpointsFor(String file, SourceBreakpoint[] lines) {
        SetBreakpointsArguments arguments = new SetBreakpointsArguments();
        Source source = new Source();
        source.setPath(file);
        arguments.setSource(source);
        arguments.setBreakpoints(lines);
        return arguments;
    }

    public static SourceBreakpoint line(int line) {
        SourceBreakpoint breakpoint = new SourceBreakpoint();
        breakpoint.setLine(line);
        return breakpoint;
    }

    @SuppressWarnings("unchecked")
    public <T> T await(Class<T> kind) throws InterruptedException {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (System.nanoTime() < deadline) {
            Object event = events.poll(deadline - System.nanoTime(), TimeUnit.NANOSECONDS);
            if (kind.isInstance(event)) {
                return (T) event;
            }
        }
        throw new AssertionError("no " + kind.getSimpleName() + " within " + WAIT + "; output: " + output);
    }

    @Override
    public void stopped(StoppedEventArguments args) {
        events.add(args);
    }

    @Override
    public void exited(ExitedEventArguments args) {
        events.add(args);
    }

    @Override
    public void terminated(TerminatedEventArguments args) {
        events.add(args == null ? new TerminatedEventArguments() : args);
    }

    @Override
    public void output(OutputEventArguments args) {
        output.add(args.getOutput());
    }

    @Override
    public void close() throws IOException {
        connection.close();
    }
}
