package dev.amldebug.runner.docker;

import com.github.dockerjava.transport.DockerHttpClient;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** An HTTP/1.1 response read off one connection: status, headers, and a body that ends where the response does. */
final class HttpResponse implements DockerHttpClient.Response {
    private final int status;
    private final Map<String, List<String>> headers;
    private final InputStream body;
    private final AutoCloseable connection;

    private HttpResponse(int status, Map<String, List<String>> headers, InputStream body, AutoCloseable connection) {
        this.status = status;
        this.headers = headers;
        this.body = body;
        this.connection = connection;
    }

    static HttpResponse read(InputStream in, AutoCloseable connection) throws IOException {
        String statusLine = line(in);
        String[] parts = statusLine.split(" ", 3);
        if (parts.length < 2 || !parts[0].startsWith("HTTP/")) {
            throw new IOException("not an HTTP response: '" + statusLine + "'");
        }
        Map<String, List<String>> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        for (String header = line(in); !header.isEmpty(); header = line(in)) {
            int colon = header.indexOf(':');
            if (colon > 0) {
                headers.computeIfAbsent(header.substring(0, colon).trim(), key -> new ArrayList<>())
                        .add(header.substring(colon + 1).trim());
            }
        }
        try {
            return new HttpResponse(Integer.parseInt(parts[1]), headers, body(in, headers, connection), connection);
        } catch (NumberFormatException e) {
            throw new IOException("a malformed response head: '" + statusLine + "'", e);
        }
    }

    private static InputStream body(InputStream in, Map<String, List<String>> headers, AutoCloseable connection) {
        if (headers.getOrDefault("Transfer-Encoding", List.of()).contains("chunked")) {
            return new ChunkedInputStream(in, connection);
        }
        List<String> length = headers.get("Content-Length");
        return new LimitedInputStream(in, length == null ? Long.MAX_VALUE : Long.parseLong(length.get(0)), connection);
    }

    /** One CRLF-terminated line of the head, without its ending. */
    static String line(InputStream in) throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream(64);
        int c;
        while ((c = in.read()) != '\n') {
            if (c < 0) {
                throw new IOException("the connection closed in the middle of a response");
            }
            if (c != '\r') {
                line.write(c);
            }
        }
        return line.toString(StandardCharsets.ISO_8859_1);
    }

    @Override
    public int getStatusCode() {
        return status;
    }

    @Override
    public Map<String, List<String>> getHeaders() {
        return headers;
    }

    @Override
    public InputStream getBody() {
        return body;
    }

    @Override
    public void close() {
        UnixSocketHttpClient.closeQuietly(connection);
    }

    /** A body of a known length. */
    private static final class LimitedInputStream extends BodyInputStream {
        private final InputStream in;
        private long left;

        /** @param length the body's length; {@code Long.MAX_VALUE} for a body that ends with the connection */
        LimitedInputStream(InputStream in, long length, AutoCloseable connection) {
            super(connection);
            this.in = in;
            this.left = length;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            if (left <= 0) {
                return -1;
            }
            int n = in.read(buffer, offset, (int) Math.min(length, left));
            if (n > 0) {
                left -= n;
            }
            return n;
        }
    }
}
