package dev.amldebug.runner.docker;

import com.github.dockerjava.transport.DockerHttpClient;
import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.Channels;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Timer;
import java.util.TimerTask;

/**
 * docker-java's transport for the engine's Unix socket, in plain HTTP/1.1: one connection per
 * request, bodies streamed (chunked when their length is unknown, as a build context is).
 * The general transport starts an HTTP client and a TLS context that a local socket never
 * uses, which is a good part of every command's start; this needs neither. Hijacked streams
 * (attach with stdin) are not needed by aml-debug and not offered.
 */
final class UnixSocketHttpClient implements DockerHttpClient {
    private static final Timer WATCHDOG = new Timer("docker-response-timeout", true);

    private final Path socket;
    private final Duration responseTimeout;

    /** @param responseTimeout how long to wait for a response's headers; null to wait as long as it takes */
    UnixSocketHttpClient(Path socket, Duration responseTimeout) {
        this.socket = socket;
        this.responseTimeout = responseTimeout;
    }

    @Override
    public Response execute(Request request) {
        if (request.hijackedInput() != null) {
            throw new UnsupportedOperationException("aml-debug's Docker transport does not attach to stdin");
        }
        SocketChannel channel = null;
        TimerTask timeout = null;
        try {
            channel = SocketChannel.open(UnixDomainSocketAddress.of(socket));
            timeout = closeAfterTimeout(channel);
            send(request, Channels.newOutputStream(channel));
            InputStream in = new BufferedInputStream(Channels.newInputStream(channel));
            HttpResponse response = HttpResponse.read(in, channel);
            if (timeout != null && !timeout.cancel()) {
                throw new IOException("the response came as the timeout closed the connection");
            }
            return response;
        } catch (IOException | RuntimeException e) {
            closeQuietly(channel);
            boolean timedOut = timeout != null && !timeout.cancel();
            throw new DockerUnavailableException(timedOut ? "Docker did not answer within "
                    + responseTimeout.toSeconds() + " s (timeout)" : "Docker at unix://" + socket + " did not answer "
                    + request.method() + " " + request.path() + " (" + e.getMessage() + "); is it still running?"
                    + " Start it with 'sudo systemctl start docker' or 'scripts/setup-engine.sh'.", e);
        }
    }

    private TimerTask closeAfterTimeout(SocketChannel channel) {
        if (responseTimeout == null) {
            return null;
        }
        TimerTask task = new TimerTask() {
            @Override
            public void run() {
                closeQuietly(channel);
            }
        };
        WATCHDOG.schedule(task, responseTimeout.toMillis());
        return task;
    }

    private static void send(Request request, OutputStream raw) throws IOException {
        OutputStream out = new BufferedOutputStream(raw, 16 * 1024);
        byte[] bytes = request.bodyBytes();
        InputStream body = bytes == null ? request.body() : null;
        StringBuilder head = new StringBuilder(request.method()).append(' ').append(request.path())
                .append(" HTTP/1.1\r\nHost: docker\r\nConnection: close\r\n");
        for (Map.Entry<String, String> header : request.headers().entrySet()) {
            head.append(header.getKey()).append(": ").append(header.getValue()).append("\r\n");
        }
        if (bytes != null) {
            head.append("Content-Length: ").append(bytes.length).append("\r\n");
        } else if (body != null) {
            head.append("Transfer-Encoding: chunked\r\n");
        }
        out.write(head.append("\r\n").toString().getBytes(StandardCharsets.ISO_8859_1));
        if (bytes != null) {
            out.write(bytes);
        } else if (body != null) {
            writeChunked(body, out);
        }
        out.flush();
    }

    private static void writeChunked(InputStream body, OutputStream out) throws IOException {
        byte[] buffer = new byte[64 * 1024];
        int n;
        while ((n = body.read(buffer)) > 0) {
            out.write((Integer.toHexString(n) + "\r\n").getBytes(StandardCharsets.ISO_8859_1));
            out.write(buffer, 0, n);
            out.write("\r\n".getBytes(StandardCharsets.ISO_8859_1));
        }
        out.write("0\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1));
    }

    static void closeQuietly(AutoCloseable closeable) {
        if (closeable == null) {
            return;
        }
        try {
            closeable.close();
        } catch (Exception e) {
            // Closing a connection that already broke has nothing left to report.
        }
    }

    @Override
    public void close() {
        // Every connection belongs to one response and closes with it.
    }
}
