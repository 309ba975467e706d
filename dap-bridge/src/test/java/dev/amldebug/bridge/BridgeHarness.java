package dev.amldebug.bridge;

import dev.amldebug.bridge.target.PathMapping;
import dev.amldebug.bridge.target.BridgeTarget;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;
import java.util.List;
import java.util.OptionalInt;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;

/** A bridge session in this process between a test client and a fake debugpy on loopback. */
final class BridgeHarness implements AutoCloseable {
    final LoopbackPair clientPair;
    final DapPeer client;
    final Thread bridgeThread;
    final DapBridge bridge;
    /** Whether the session asked to end the debuggee (a disconnect with terminateDebuggee). */
    final AtomicBoolean terminated;
    private final ExecutorService executor;

    private BridgeHarness(ExecutorService executor, DapBridge bridge, AtomicBoolean terminated) throws IOException {
        this.executor = executor;
        this.bridge = bridge;
        this.terminated = terminated;
        this.clientPair = LoopbackPair.open();
        this.client = new DapPeer(clientPair.left().getInputStream(), clientPair.left().getOutputStream(),
                clientPair.left());
        this.bridgeThread = new Thread(() -> {
            try {
                bridge.run(clientPair.right().getInputStream(), clientPair.right().getOutputStream());
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }, "bridge-under-test");
        bridgeThread.setDaemon(true);
        bridgeThread.start();
    }

    static BridgeHarness to(int port, Duration connectTimeout, int exitCode) throws IOException {
        return to(port, connectTimeout, exitCode, new PathMapping("/local/code", "/aml/code"));
    }

    static BridgeHarness to(int port, Duration connectTimeout, int exitCode, PathMapping mapping) throws IOException {
        AtomicBoolean terminated = new AtomicBoolean();
        BridgeTarget target = new BridgeTarget("127.0.0.1", port, List.of(mapping),
                true, connectTimeout, Set.of("runId"), () -> OptionalInt.of(exitCode), () -> terminated.set(true));
        ExecutorService executor = Executors.newCachedThreadPool();
        return new BridgeHarness(executor, new DapBridge(target, DapTrace.NONE, executor), terminated);
    }

    static BridgeHarness to(BridgeTarget target, DapTrace trace) throws IOException {
        ExecutorService executor = Executors.newCachedThreadPool();
        return new BridgeHarness(executor, new DapBridge(target, trace, executor), new AtomicBoolean());
    }

    static BridgeHarness resolving(TargetResolver resolver) throws IOException {
        ExecutorService executor = Executors.newCachedThreadPool();
        return new BridgeHarness(executor, new DapBridge(resolver, DapTrace.NONE, executor), new AtomicBoolean());
    }

    static ServerSocket fakeDebugpy() throws IOException {
        return new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
    }

    static DapPeer accept(ServerSocket server) throws IOException {
        Socket socket = server.accept();
        return new DapPeer(socket.getInputStream(), socket.getOutputStream(), socket);
    }

    /** A port where nothing listens (yet). */
    static int freePort() throws IOException {
        try (ServerSocket probe = fakeDebugpy()) {
            return probe.getLocalPort();
        }
    }

    @Override
    public void close() throws IOException {
        clientPair.close();
        executor.shutdownNow();
    }
}
