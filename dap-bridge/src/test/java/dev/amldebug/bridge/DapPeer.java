package dev.amldebug.bridge;

import dev.amldebug.bridge.protocol.DapMessage;
import dev.amldebug.bridge.protocol.DapReader;
import dev.amldebug.bridge.protocol.DapWriter;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/** One end of a DAP conversation in a test: sends raw messages and collects what arrives. */
final class DapPeer {
    private static final DapMessage CLOSED = DapMessage.of(DapMessage.JSON.createObjectNode().put("type", "closed"));

    private final DapWriter writer;
    private final OutputStream rawOut;
    private final java.io.Closeable connection;
    private final BlockingQueue<DapMessage> inbox = new LinkedBlockingQueue<>();
    final List<DapMessage> received = new java.util.concurrent.CopyOnWriteArrayList<>();

    DapPeer(InputStream in, OutputStream out, java.io.Closeable connection) {
        this.connection = connection;
        this.writer = new DapWriter(out);
        this.rawOut = out;
        Thread reader = new Thread(() -> {
            DapReader dap = new DapReader(in);
            try {
                byte[] body;
                while ((body = dap.read()) != null) {
                    DapMessage message = DapMessage.parse(body);
                    received.add(message);
                    inbox.add(message);
                }
            } catch (Exception e) {
                // The other side closed: that ends the conversation.
            }
            inbox.add(CLOSED);
        }, "dap-peer");
        reader.setDaemon(true);
        reader.start();
    }

    /** Hangs up, as a dying debugpy or Docker's port proxy would. */
    void close() throws IOException {
        connection.close();
    }

    void send(String json) throws IOException {
        writer.write(json.getBytes(StandardCharsets.UTF_8));
    }

    void send(byte[] body) throws IOException {
        writer.write(body);
    }

    void sendRaw(String bytes) throws IOException {
        rawOut.write(bytes.getBytes(StandardCharsets.UTF_8));
        rawOut.flush();
    }

    DapMessage next(Duration timeout) throws InterruptedException {
        DapMessage message = inbox.poll(timeout.toMillis(), TimeUnit.MILLISECONDS);
        if (message == null) {
            throw new AssertionError("nothing arrived within " + timeout + "; so far: " + received);
        }
        return message;
    }

    DapMessage await(Predicate<DapMessage> wanted, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        List<DapMessage> skipped = new ArrayList<>();
        while (true) {
            long left = deadline - System.nanoTime();
            DapMessage message = inbox.poll(Math.max(left, 0), TimeUnit.NANOSECONDS);
            if (message == null || message == CLOSED) {
                throw new AssertionError((message == null ? "timed out" : "closed") + " waiting; got: " + skipped);
            }
            if (wanted.test(message)) {
                return message;
            }
            skipped.add(message);
        }
    }

    boolean closed(Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            DapMessage message = inbox.poll(deadline - System.nanoTime(), TimeUnit.NANOSECONDS);
            if (message == CLOSED) {
                return true;
            }
        }
        return false;
    }

    static Predicate<DapMessage> event(String name) {
        return m -> m.isEvent(name);
    }

    static Predicate<DapMessage> response(int requestSeq) {
        return m -> m.isResponse() && m.get("request_seq").asInt() == requestSeq;
    }

    static String request(int seq, String command, String arguments) {
        return "{\"seq\":" + seq + ",\"type\":\"request\",\"command\":\"" + command + "\",\"arguments\":" + arguments + "}";
    }
}
