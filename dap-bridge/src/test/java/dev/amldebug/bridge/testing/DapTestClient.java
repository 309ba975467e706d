package dev.amldebug.bridge.testing;

import com.google.gson.ToNumberPolicy;
import dev.amldebug.bridge.DapBridge;
import dev.amldebug.bridge.DapTrace;
import dev.amldebug.bridge.LoopbackPair;
import dev.amldebug.bridge.target.BridgeTarget;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicReference;
import org.awaitility.Awaitility;
import org.eclipse.lsp4j.debug.Capabilities;
import org.eclipse.lsp4j.debug.ConfigurationDoneArguments;
import org.eclipse.lsp4j.debug.ContinueArguments;
import org.eclipse.lsp4j.debug.DisconnectArguments;
import org.eclipse.lsp4j.debug.ExitedEventArguments;
import org.eclipse.lsp4j.debug.InitializeRequestArguments;
import org.eclipse.lsp4j.debug.OutputEventArguments;
import org.eclipse.lsp4j.debug.ScopesArguments;
import org.eclipse.lsp4j.debug.SetBreakpointsArguments;
import org.eclipse.lsp4j.debug.Source;
import org.eclipse.lsp4j.debug.SourceBreakpoint;
import org.eclipse.lsp4j.debug.StackFrame;
import org.eclipse.lsp4j.debug.StackTraceArguments;
import org.eclipse.lsp4j.debug.StartDebuggingRequestArguments;
import org.eclipse.lsp4j.debug.StoppedEventArguments;
import org.eclipse.lsp4j.debug.TerminatedEventArguments;
import org.eclipse.lsp4j.debug.Variable;
import org.eclipse.lsp4j.debug.VariablesArguments;
import org.eclipse.lsp4j.debug.services.IDebugProtocolClient;
import org.eclipse.lsp4j.debug.services.IDebugProtocolServer;
import org.eclipse.lsp4j.jsonrpc.Launcher;
import org.eclipse.lsp4j.jsonrpc.debug.DebugLauncher;

/**
 * The tests' DAP client: lsp4j's client side on any connection (debugpy itself, a bridge in this process, an
 * adapter's stdio or endpoint), collecting events in order. Reverse startDebugging requests are answered and
 * kept as events; numbers in free-form arguments stay integers, so a child's configuration goes back as it came.
 */
public final class DapTestClient implements IDebugProtocolClient, AutoCloseable {
    public static final Duration WAIT = Duration.ofSeconds(60);
    private static final ExecutorService BRIDGE_THREADS = Executors.newCachedThreadPool(runnable -> {
        Thread thread = new Thread(runnable, "test-bridge");
        thread.setDaemon(true);
        return thread;
    });

    /** The initialized event, as kept among the others. */
    public enum Initialized { EVENT }

    /** The adapter, typed. */
    public final IDebugProtocolServer server;
    /** Every output event's text, in order. */
    public final List<String> output = new CopyOnWriteArrayList<>();
    private final BlockingQueue<Object> events = new LinkedBlockingQueue<>();
    private final AutoCloseable connection;
    private final OutputStream out;
    private final Future<Void> listening;
    private DapBridge bridge;
    private Duration patience = WAIT;

    /** A client on streams to an adapter (a debug endpoint, an adapter process's stdio, debugpy's socket). */
    public DapTestClient(InputStream in, OutputStream out, AutoCloseable connection) {
        this.connection = connection;
        this.out = out;
        Launcher<IDebugProtocolServer> launcher = new DebugLauncher.Builder<IDebugProtocolServer>()
                .setLocalService(this).setRemoteInterface(IDebugProtocolServer.class).setInput(in).setOutput(out)
                .configureGson(gson -> gson.setObjectToNumberStrategy(ToNumberPolicy.LONG_OR_DOUBLE)).create();
        listening = launcher.startListening();
        server = launcher.getRemoteProxy();
    }

    /** A client joined to a new bridge to {@code target} in this process, over loopback. */
    public static DapTestClient bridgedTo(BridgeTarget target) throws IOException {
        DapBridge bridge = new DapBridge(target, DapTrace.NONE, BRIDGE_THREADS);
        LoopbackPair pair = LoopbackPair.open();
        InputStream fromClient = pair.right().getInputStream();
        OutputStream toClient = pair.right().getOutputStream();
        BRIDGE_THREADS.execute(() -> {
            try {
                bridge.run(fromClient, toClient);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        DapTestClient client = new DapTestClient(pair.left().getInputStream(), pair.left().getOutputStream(), pair::close);
        client.bridge = bridge;
        return client;
    }

    /**
     * Connects to debugpy at {@code host:port} and initializes, retrying until debugpy itself answers: a published
     * port (Docker's proxy) accepts before debugpy listens, then drops the connection.
     */
    public static DapTestClient initialized(String host, int port, Duration patience) {
        AtomicReference<DapTestClient> client = new AtomicReference<>();
        Awaitility.await("debugpy answering initialize at " + host + ":" + port).atMost(patience)
                .pollInterval(Duration.ofMillis(100)).until(() -> {
                    client.set(tryInitialize(host, port));
                    return client.get() != null;
                });
        return client.get();
    }

    private static DapTestClient tryInitialize(String host, int port) throws Exception {
        Socket socket;
        try {
            socket = new Socket(host, port);
        } catch (IOException e) {
            return null;
        }
        if (socket.getLocalPort() == port && socket.getLocalAddress().equals(socket.getInetAddress())) {
            // Nothing listened yet and TCP connected the socket to itself (a simultaneous open).
            socket.close();
            return null;
        }
        socket.setTcpNoDelay(true);
        DapTestClient client = new DapTestClient(socket.getInputStream(), socket.getOutputStream(), socket);
        CompletableFuture<Capabilities> capabilities = client.initialize("python", false);
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (!capabilities.isDone() && !client.listening.isDone() && System.nanoTime() < deadline) {
            try {
                capabilities.get(50, TimeUnit.MILLISECONDS);
            } catch (TimeoutException | ExecutionException notYet) {
                // Checked again by the loop: an answer, a closed connection or the deadline.
            }
        }
        if (capabilities.isDone() && !capabilities.isCompletedExceptionally()) {
            return client;
        }
        client.close();
        return null;
    }

    /** Waits for events and responses up to {@code patience} (default {@link #WAIT}): for sessions that start slowly. */
    public DapTestClient waitingUpTo(Duration patience) {
        this.patience = patience;
        return this;
    }

    /** The bridge of {@link #bridgedTo}. */
    public DapBridge bridge() {
        if (bridge == null) {
            throw new IllegalStateException("This client is on streams, not on a bridge of its own (bridgedTo).");
        }
        return bridge;
    }

    /** The connection's output itself, for a test that sends what no client would. */
    public OutputStream rawOutput() {
        return out;
    }

    /** @param startDebugging whether this client takes child sessions (startDebugging requests) */
    public CompletableFuture<Capabilities> initialize(String adapterId, boolean startDebugging) {
        InitializeRequestArguments init = new InitializeRequestArguments();
        init.setClientID("test");
        init.setAdapterID(adapterId);
        init.setLinesStartAt1(true);
        init.setColumnsStartAt1(true);
        init.setPathFormat("path");
        init.setSupportsStartDebuggingRequest(startDebugging);
        return server.initialize(init);
    }

    /** initialize and attach without waiting, then breakpoints and configurationDone: as an eager client would. */
    public CompletableFuture<Void> startSession(Map<String, SourceBreakpoint[]> breakpoints) {
        initialize("python", false);
        server.attach(Map.of("name", "test"));
        breakpoints.forEach((file, lines) -> server.setBreakpoints(breakpointsFor(file, lines)));
        return server.configurationDone(new ConfigurationDoneArguments());
    }

    /**
     * Attaches (already initialized) and configures as VS Code does: after the initialized event, the breakpoints
     * at {@code lines} of {@code path}, then configurationDone.
     * @return the attach's response, which debugpy sends only once configured
     */
    public CompletableFuture<Void> attach(Map<String, ?> arguments, String path, int... lines) throws InterruptedException {
        CompletableFuture<Void> attached = server.attach(new HashMap<>(arguments));
        configure(path, lines);
        return attached;
    }

    /** As {@link #attach}, with launch. */
    public CompletableFuture<Void> launch(Map<String, ?> arguments, String path, int... lines) throws InterruptedException {
        CompletableFuture<Void> launched = server.launch(new HashMap<>(arguments));
        configure(path, lines);
        return launched;
    }

    private void configure(String path, int... lines) throws InterruptedException {
        await(Initialized.class);
        if (path != null) {
            answer(server.setBreakpoints(breakpointsFor(path,
                    Arrays.stream(lines).mapToObj(DapTestClient::line).toArray(SourceBreakpoint[]::new))));
        }
        answer(server.configurationDone(new ConfigurationDoneArguments()));
    }

    public StackFrame[] stackTrace(int threadId) {
        StackTraceArguments arguments = new StackTraceArguments();
        arguments.setThreadId(threadId);
        return answer(server.stackTrace(arguments)).getStackFrames();
    }

    public void resume(int threadId) {
        ContinueArguments arguments = new ContinueArguments();
        arguments.setThreadId(threadId);
        answer(server.continue_(arguments));
    }

    /** A frame's locals (its first scope) as "name = value". */
    public List<String> locals(StackFrame frame) {
        List<String> found = new ArrayList<>();
        variables(localsReference(frame)).forEach((name, variable) -> found.add(name + " = " + variable.getValue()));
        return found;
    }

    /** The reference of a frame's locals (its first scope). */
    public int localsReference(StackFrame frame) {
        ScopesArguments scopes = new ScopesArguments();
        scopes.setFrameId(frame.getId());
        return answer(server.scopes(scopes)).getScopes()[0].getVariablesReference();
    }

    /** The variables under a reference (a scope's, or an expandable variable's) by name, in the order given. */
    public Map<String, Variable> variables(int reference) {
        VariablesArguments variables = new VariablesArguments();
        variables.setVariablesReference(reference);
        Map<String, Variable> found = new LinkedHashMap<>();
        for (Variable variable : answer(server.variables(variables)).getVariables()) {
            found.put(variable.getName(), variable);
        }
        return found;
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

    /** A response within the patience; an error response fails the test with its message. */
    public <T> T answer(CompletableFuture<T> response) {
        try {
            return response.get(patience.toMillis(), TimeUnit.MILLISECONDS);
        } catch (Exception e) {
            throw new AssertionError("no successful response within " + patience + ": " + e, e);
        }
    }

    /** The next event of {@code kind} within the patience; the events before it are passed over. */
    public <T> T await(Class<T> kind) throws InterruptedException {
        return kind.cast(awaitAny(kind));
    }

    /** The next event of any of {@code kinds} within the patience; the events before it are passed over. */
    public Object awaitAny(Class<?>... kinds) throws InterruptedException {
        long deadline = System.nanoTime() + patience.toNanos();
        while (System.nanoTime() < deadline) {
            Object event = events.poll(deadline - System.nanoTime(), TimeUnit.NANOSECONDS);
            for (Class<?> kind : kinds) {
                if (kind.isInstance(event)) {
                    return event;
                }
            }
        }
        throw new AssertionError("no " + Arrays.toString(kinds) + " within " + patience + "; output: " + output);
    }

    /** Each child session's stop, then continue each, then each one's end and disconnect. */
    public static void continueEach(List<DapTestClient> children) throws Exception {
        List<Integer> threads = new ArrayList<>();
        for (DapTestClient child : children) {
            threads.add(child.await(StoppedEventArguments.class).getThreadId());
        }
        for (int i = 0; i < children.size(); i++) {
            children.get(i).resume(threads.get(i));
        }
        for (DapTestClient child : children) {
            child.await(TerminatedEventArguments.class);
            child.server.disconnect(new DisconnectArguments());
            child.close();
        }
    }

    @Override
    public void initialized() {
        events.add(Initialized.EVENT);
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
    public CompletableFuture<Void> startDebugging(StartDebuggingRequestArguments args) {
        events.add(args);
        return CompletableFuture.completedFuture(null);
    }

    @Override
    public void close() throws Exception {
        connection.close();
    }
}
