package dev.amldebug.server.lsp;

import dev.amldebug.bridge.DapBridge;
import dev.amldebug.server.lsp.Protocol.DebugAdapterEndpoint;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import dev.amldebug.bridge.ChannelStreams;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A fresh local endpoint per debug session where one client gets a DAP bridge: a Unix socket
 * readable by this user only (0600, in a 0700 folder), or loopback TCP where there is none.
 * An endpoint nobody connected to is removed when the server closes.
 */
public final class DebugEndpoints implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(DebugEndpoints.class);

    private final Executor executor;
    private final Map<ServerSocketChannel, Cleanup> open = new ConcurrentHashMap<>();

    public DebugEndpoints(Executor executor) {
        this.executor = executor;
    }

    public DebugAdapterEndpoint open(Supplier<DapBridge> bridge) {
        try {
            return unixSocket(bridge);
        } catch (IOException | UnsupportedOperationException e) {
            LOG.debug("No Unix socket here; falling back to loopback TCP", e);
            return loopback(bridge);
        }
    }

    private DebugAdapterEndpoint unixSocket(Supplier<DapBridge> bridge) throws IOException {
        Path dir = Files.createTempDirectory("aml-debug-dap", PosixFilePermissions.asFileAttribute(
                PosixFilePermissions.fromString("rwx------")));
        Path socket = dir.resolve("dap.sock");
        ServerSocketChannel server = ServerSocketChannel.open(StandardProtocolFamily.UNIX);
        server.bind(UnixDomainSocketAddress.of(socket));
        Files.setPosixFilePermissions(socket, PosixFilePermissions.fromString("rw-------"));
        serveOnce(server, bridge, () -> {
            Files.deleteIfExists(socket);
            Files.deleteIfExists(dir);
        });
        return new DebugAdapterEndpoint("pipe", socket.toString(), null);
    }

    private DebugAdapterEndpoint loopback(Supplier<DapBridge> bridge) {
        try {
            ServerSocketChannel server = ServerSocketChannel.open();
            server.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
            int port = ((InetSocketAddress) server.getLocalAddress()).getPort();
            serveOnce(server, bridge, () -> { });
            return new DebugAdapterEndpoint("tcp", null, port);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open a local debug endpoint", e);
        }
    }

    /** Closes every endpoint still waiting for its client, and removes its socket file. */
    @Override
    public void close() {
        open.forEach((server, cleanup) -> {
            try {
                server.close();
                cleanup.run();
            } catch (IOException e) {
                LOG.debug("Could not remove a debug endpoint", e);
            }
        });
        open.clear();
    }

    interface Cleanup {
        void run() throws IOException;
    }

    private void serveOnce(ServerSocketChannel server, Supplier<DapBridge> bridge, Cleanup cleanup) {
        open.put(server, cleanup);
        executor.execute(() -> {
            try (server; SocketChannel client = server.accept()) {
                open.remove(server);
                cleanup.run();
                bridge.get().run(ChannelStreams.in(client), ChannelStreams.out(client));
            } catch (IOException e) {
                LOG.warn("The debug endpoint failed: {}", e.getMessage());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
    }
}
