package dev.amldebug.cli;

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
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;

/** A raw DAP client in a test: numbered requests, answers to reverse requests, and what arrives, in order. */
public final class DapConversation implements AutoCloseable {
    public interface Closer {
        void close() throws Exception;
    }

    private final DapWriter writer;
    private final Closer closer;
    private final AtomicInteger seq = new AtomicInteger();
    private final BlockingQueue<DapMessage> inbox = new LinkedBlockingQueue<>();

    public DapConversation(InputStream in, OutputStream out, Closer closer) {
        this.writer = new DapWriter(out);
        this.closer = closer;
        Thread reader = new Thread(() -> {
            DapReader dap = new DapReader(in);
            try {
                byte[] body;
                while ((body = dap.read()) != null) {
                    inbox.add(DapMessage.parse(body));
                }
            } catch (Exception e) {
                // The adapter went away: waits for more time out with what came.
            }
        }, "dap-conversation");
        reader.setDaemon(true);
        reader.start();
    }

    /** @return the request's seq */
    public int send(String command, String arguments) throws IOException {
        int id = seq.incrementAndGet();
        write("{\"seq\":" + id + ",\"type\":\"request\",\"command\":\"" + command + "\",\"arguments\":" + arguments + "}");
        return id;
    }

    public void respond(DapMessage request, boolean success) throws IOException {
        write("{\"seq\":" + seq.incrementAndGet() + ",\"type\":\"response\",\"request_seq\":" + request.seq()
                + ",\"success\":" + success + ",\"command\":\"" + request.command() + "\",\"body\":{}}");
    }

    private void write(String json) throws IOException {
        writer.write(json.getBytes(StandardCharsets.UTF_8));
    }

    public DapMessage next(Predicate<DapMessage> wanted, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        List<DapMessage> skipped = new ArrayList<>();
        while (true) {
            DapMessage message = inbox.poll(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
            if (message == null) {
                throw new AssertionError("nothing wanted arrived within " + timeout + "; got: " + skipped);
            }
            if (wanted.test(message)) {
                return message;
            }
            skipped.add(message);
        }
    }

    /** A child session of a debug hub: attached with its startDebugging configuration, a breakpoint set, configured. */
    public DapConversation attachChild(String configuration, java.nio.file.Path script, int line, Duration timeout) throws Exception {
        send("initialize", "{\"adapterID\":\"azureml\",\"linesStartAt1\":true,\"pathFormat\":\"path\"}");
        send("attach", configuration);
        next(m -> m.isEvent("initialized"), timeout);
        send("setBreakpoints", "{\"source\":{\"path\":\"" + script + "\"},\"breakpoints\":[{\"line\":" + line + "}]}");
        send("configurationDone", "{}");
        return this;
    }

    /** Each child's stop, then continue it, then its end. */
    public static void continueEach(List<DapConversation> children, Duration timeout) throws Exception {
        List<Integer> threads = new ArrayList<>();
        for (DapConversation child : children) {
            threads.add(child.next(m -> m.isEvent("stopped"), timeout).get("body").get("threadId").asInt());
        }
        for (int i = 0; i < children.size(); i++) {
            children.get(i).send("continue", "{\"threadId\":" + threads.get(i) + "}");
        }
        for (DapConversation child : children) {
            child.next(m -> m.isEvent("terminated"), timeout);
            child.send("disconnect", "{}");
            child.close();
        }
    }

    @Override
    public void close() throws Exception {
        closer.close();
    }
}
