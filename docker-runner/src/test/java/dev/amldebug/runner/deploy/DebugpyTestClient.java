package dev.amldebug.runner.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
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
 * Just enough DAP to attach to debugpy, set a breakpoint and continue from it: Content-Length
 * framing, one request at a time, events kept until asked for. (The debug package's RawDapClient
 * does the same for the shim's tests; it is package-private there.)
 */
final class DebugpyTestClient implements AutoCloseable {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Socket socket;
    private final InputStream in;
    private final OutputStream out;
    private final List<JsonNode> events = new ArrayList<>();
    private int seq;

    private DebugpyTestClient(Socket socket) throws IOException {
        this.socket = socket;
        socket.setSoTimeout(60_000);
        this.in = new BufferedInputStream(socket.getInputStream());
        this.out = socket.getOutputStream();
    }

    /** Connects to debugpy on 127.0.0.1 and initializes, retrying until it answers. */
    static DebugpyTestClient initialized(int port, Duration patience) {
        AtomicReference<DebugpyTestClient> client = new AtomicReference<>();
        Awaitility.await("debugpy answering initialize on port " + port).atMost(patience)
                .pollInterval(Duration.ofMillis(100)).ignoreExceptions().until(() -> {
                    DebugpyTestClient connected = new DebugpyTestClient(new Socket("127.0.0.1", port));
                    try {
                        connected.call("initialize", "{\"adapterID\":\"python\",\"linesStartAt1\":true,\"pathFormat\":\"path\"}");
                    } catch (IOException e) {
                        connected.close();
                        throw e;
                    }
                    client.set(connected);
                    return true;
                });
        return client.get();
    }

    /** Attaches with a breakpoint at {@code line} of {@code path}; returns once debugpy is configured. */
    void attachWithBreakpoint(String path, int line) throws IOException {
        send("attach", "{\"justMyCode\":true}");
        awaitEvent("initialized");
        call("setBreakpoints", "{\"source\":{\"path\":" + JSON.writeValueAsString(path) + "},\"breakpoints\":[{\"line\":"
                + line + "}]}");
        call("configurationDone", "{}");
    }

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

    private int send(String command, String arguments) throws IOException {
        seq++;
        byte[] body = ("{\"seq\":" + seq + ",\"type\":\"request\",\"command\":\"" + command + "\",\"arguments\":"
                + arguments + "}").getBytes(StandardCharsets.UTF_8);
        out.write(("Content-Length: " + body.length + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
        out.write(body);
        out.flush();
        return seq;
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
