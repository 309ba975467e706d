package dev.amldebug.runner.debug;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.awaitility.Awaitility;

/**
 * A minimal DAP client for tests that talk to debugpy with no bridge in between: Content-Length
 * framing, one request at a time, events kept until asked for.
 */
final class RawDapClient implements AutoCloseable {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Socket socket;
    private final InputStream in;
    private final OutputStream out;
    private final List<JsonNode> events = new ArrayList<>();
    private int seq;

    private RawDapClient(Socket socket) throws IOException {
        this.socket = socket;
        socket.setTcpNoDelay(true);
        socket.setSoTimeout(60_000);
        this.in = new BufferedInputStream(socket.getInputStream());
        this.out = socket.getOutputStream();
    }

    /**
     * Connects and initializes, retrying until debugpy itself answers: a published port (Docker's
     * proxy) accepts before debugpy listens, then drops the connection.
     */
    static RawDapClient initialized(String host, int port, Duration patience) {
        AtomicReference<RawDapClient> client = new AtomicReference<>();
        Awaitility.await("debugpy answering initialize at " + host + ":" + port).atMost(patience)
                .pollInterval(Duration.ofMillis(100)).until(() -> {
                    client.set(tryInitialize(host, port));
                    return client.get() != null;
                });
        return client.get();
    }

    private static RawDapClient tryInitialize(String host, int port) throws IOException {
        RawDapClient client = null;
        try {
            Socket socket = new Socket(host, port);
            if (socket.getLocalPort() == port && socket.getLocalAddress().equals(socket.getInetAddress())) {
                // Nothing listened yet and TCP connected the socket to itself (a simultaneous open).
                socket.close();
                return null;
            }
            client = new RawDapClient(socket);
            client.call("initialize", "{\"adapterID\":\"python\",\"linesStartAt1\":true,\"pathFormat\":\"path\"}");
            return client;
        } catch (IOException e) {
            if (client != null) {
                client.close();
            }
            return null;
        }
    }

    int send(String command, String arguments) throws IOException {
        seq++;
        byte[] body = ("{\"seq\":" + seq + ",\"type\":\"request\",\"command\":\"" + command + "\",\"arguments\":"
                + arguments + "}").getBytes(StandardCharsets.UTF_8);
        out.write(("Content-Length: " + body.length + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
        out.write(body);
        out.flush();
        return seq;
    }

    /** Sends a request and returns its response, failing on an error response. */
    JsonNode call(String command, String arguments) throws IOException {
        int sent = send(command, arguments);
        while (true) {
            JsonNode message = read();
            if ("response".equals(message.path("type").asText()) && message.path("request_seq").asInt() == sent) {
                if (!message.path("success").asBoolean()) {
                    throw new IOException(command + " failed: " + message);
                }
                return message;
            }
            events.add(message);
        }
    }

    JsonNode awaitEvent(String name) throws IOException {
        for (Iterator<JsonNode> it = events.iterator(); it.hasNext(); ) {
            JsonNode event = it.next();
            if (name.equals(event.path("event").asText())) {
                it.remove();
                return event;
            }
        }
        while (true) {
            JsonNode message = read();
            if (name.equals(message.path("event").asText())) {
                return message;
            }
            events.add(message);
        }
    }

    /** Attaches and configures: breakpoints at {@code lines} of {@code path}, then waits for the first stop. */
    JsonNode attachAndStopAt(String attachArguments, String path, int... lines) throws IOException {
        send("attach", attachArguments);
        awaitEvent("initialized");
        ObjectNode breakpoints = JSON.createObjectNode();
        breakpoints.putObject("source").put("path", path);
        var array = breakpoints.putArray("breakpoints");
        for (int line : lines) {
            array.addObject().put("line", line);
        }
        call("setBreakpoints", breakpoints.toString());
        call("configurationDone", "{}");
        return awaitEvent("stopped");
    }

    private JsonNode read() throws IOException {
        int length = -1;
        String line;
        while (!(line = readLine()).isEmpty()) {
            int colon = line.indexOf(':');
            if (colon > 0 && line.substring(0, colon).trim().equalsIgnoreCase("Content-Length")) {
                length = Integer.parseInt(line.substring(colon + 1).trim());
            }
        }
        if (length < 0) {
            throw new IOException("a DAP message without Content-Length");
        }
        return JSON.readTree(in.readNBytes(length));
    }

    private String readLine() throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        int b;
        while ((b = in.read()) != '\n') {
            if (b < 0) {
                throw new EOFException("debugpy closed the connection");
            }
            if (b != '\r') {
                line.write(b);
            }
        }
        return line.toString(StandardCharsets.US_ASCII);
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}
