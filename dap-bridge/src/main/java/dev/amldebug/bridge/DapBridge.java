package dev.amldebug.bridge;

import dev.amldebug.bridge.intercept.AttachDefaults;
import dev.amldebug.bridge.intercept.Interceptor;
import dev.amldebug.bridge.intercept.LaunchAsAttach;
import dev.amldebug.bridge.intercept.OwnKeysRemover;
import dev.amldebug.bridge.intercept.SubprocessEndpoint;
import dev.amldebug.bridge.protocol.DapFramingException;
import dev.amldebug.bridge.protocol.DapJsonException;
import dev.amldebug.bridge.protocol.DapMessage;
import dev.amldebug.bridge.protocol.DapMessages;
import dev.amldebug.bridge.protocol.DapReader;
import dev.amldebug.bridge.protocol.DapWriter;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One debug session between a DAP client and debugpy. Messages cross unchanged unless an
 * {@link Interceptor} rewrites them. The client may speak before debugpy can be reached: its
 * messages wait, and are sent again if a connection dies before debugpy said anything (a
 * published port accepts connections before the container listens). When debugpy goes away,
 * the client gets {@code exited} and {@code terminated}.
 */
public final class DapBridge {
    private static final Logger LOG = LoggerFactory.getLogger(DapBridge.class);

    private final TargetResolver resolver;
    private final boolean targetKnown;
    private final DapTrace trace;
    private final List<Interceptor> interceptors = new ArrayList<>(List.of(new OwnKeysRemover(), new LaunchAsAttach()));
    private final CompletableFuture<BridgeTarget> target = new CompletableFuture<>();
    private final AtomicInteger ownSeq = new AtomicInteger(1_000_000);
    private final CountDownLatch ended = new CountDownLatch(1);
    private final Set<Integer> answeredHere = ConcurrentHashMap.newKeySet();
    private final Map<Integer, DapMessage> openRequests = new LinkedHashMap<>();
    private final List<DapMessage> unconfirmed = new ArrayList<>();
    private DapWriter client;
    private DebuggeeLink link;
    private boolean linkConfirmed;
    private volatile boolean debuggeeEnded;
    private volatile boolean clientDisconnected;
    private volatile boolean sawExited;
    private volatile boolean sawTerminated;

    /** A session whose debugpy is known from the start. */
    public DapBridge(BridgeTarget target, DapTrace trace) {
        this(request -> target, true, trace);
        this.target.complete(target);
    }

    /** A session whose debugpy is found from the client's launch or attach request. */
    public DapBridge(TargetResolver resolver, DapTrace trace) {
        this(resolver, false, trace);
    }

    private DapBridge(TargetResolver resolver, boolean targetKnown, DapTrace trace) {
        this.resolver = resolver;
        this.targetKnown = targetKnown;
        this.trace = trace;
    }

    /** Serves the client until it leaves or the session ends. */
    public void run(InputStream clientIn, OutputStream clientOut) throws InterruptedException {
        client = new DapWriter(clientOut);
        Thread debuggee = new Thread(this::debuggeeSide, "dap-bridge-debuggee");
        debuggee.setDaemon(true);
        debuggee.start();
        Thread reader = new Thread(() -> clientSide(new DapReader(clientIn)), "dap-bridge-client");
        reader.setDaemon(true);
        reader.start();
        ended.await();
        target.cancel(false);
        closeLink();
    }

    private void clientSide(DapReader reader) {
        try {
            byte[] body;
            while ((body = reader.read()) != null) {
                try {
                    fromClient(DapMessage.parse(body));
                } catch (DapJsonException e) {
                    toClient(DapMessages.response(ownSeq.incrementAndGet(), 0, "unknown", false,
                            "aml-debug: ignored a malformed message: " + e.getMessage(), null));
                }
            }
        } catch (DapFramingException e) {
            LOG.warn("Closing the debug session: the client sent a malformed message: {}", e.getMessage());
        } catch (IOException e) {
            LOG.debug("Client connection closed", e);
        } finally {
            end();
        }
    }

    private void fromClient(DapMessage message) {
        trace.record("client", message);
        if (message.isRequest("disconnect")) {
            disconnect(message);
            return;
        }
        if (debuggeeEnded && "request".equals(message.type())) {
            toClient(DapMessages.error(ownSeq.incrementAndGet(), message, "The debuggee has ended."));
            return;
        }
        if (message.isRequest("initialize") && !targetKnown) {
            answerInitialize(message);
        }
        forward(message);
        if ((message.isRequest("launch") || message.isRequest("attach")) && !targetKnown && !target.isDone()) {
            resolveInBackground(message);
        }
    }

    /** Without a known debugpy the client still needs capabilities to go on: debugpy's own, recorded. */
    private void answerInitialize(DapMessage request) {
        answeredHere.add(request.seq());
        toClient(DapMessages.response(ownSeq.incrementAndGet(), request.seq(), "initialize", true, null,
                DebugpyCapabilities.load()));
    }

    private void resolveInBackground(DapMessage request) {
        Thread resolving = new Thread(() -> {
            try {
                target.complete(resolver.resolve(request));
            } catch (Exception e) {
                LOG.debug("Could not start or find the debuggee", e);
                failSession(e.getMessage());
            }
        }, "dap-bridge-resolve");
        resolving.setDaemon(true);
        resolving.start();
    }

    private void disconnect(DapMessage request) {
        clientDisconnected = true;
        boolean terminate = request.get("arguments").path("terminateDebuggee").asBoolean(false);
        if (terminate) {
            target.thenAccept(t -> new Thread(t.terminate(), "dap-bridge-terminate").start());
        }
        // Queued like any message while debugpy is being reached; answered here when there is no debugpy to ask.
        if (debuggeeEnded || !target.isDone()) {
            toClient(DapMessages.response(ownSeq.incrementAndGet(), request.seq(), "disconnect", true, null, null));
            end();
        } else {
            forward(request);
        }
    }

    private synchronized void forward(DapMessage message) {
        if ("request".equals(message.type())) {
            openRequests.put(message.seq(), message);
        }
        if (!linkConfirmed) {
            unconfirmed.add(message);
        }
        if (link != null) {
            send(link, message);
        }
    }

    private void send(DebuggeeLink to, DapMessage message) {
        DapMessage out = message;
        for (Interceptor interceptor : interceptors) {
            out = interceptor.toDebuggee(out);
        }
        trace.record("to-debugpy", out);
        try {
            to.writer.write(out.bytes());
        } catch (IOException e) {
            LOG.debug("Write to debugpy failed; the reader side will notice", e);
        }
    }

    private void debuggeeSide() {
        BridgeTarget t;
        try {
            t = target.get();
        } catch (Exception e) {
            return;
        }
        synchronized (this) {
            // Last: it completes the attach request that the others produced (a launch becomes an attach).
            interceptors.add(new AttachDefaults(t.pathMappings(), t.justMyCode()));
            interceptors.add(new SubprocessEndpoint(t.host(), t.port()));
        }
        new DebuggeeConnector(t, this::attachLink, this::pump, this::failSession).run();
    }

    /** A new connection: everything the client said that debugpy has not yet confirmed goes (again). */
    private synchronized void attachLink(DebuggeeLink newLink) {
        link = newLink;
        linkConfirmed = false;
        unconfirmed.forEach(message -> send(newLink, message));
    }

    /** @return true when debugpy said something on this link before it closed */
    private boolean pump(DebuggeeLink from) {
        boolean spoke = false;
        try {
            byte[] body;
            while ((body = from.reader.read()) != null) {
                DapMessage message = DapMessage.parse(body);
                if (!spoke) {
                    spoke = true;
                    confirmLink();
                }
                fromDebuggee(message);
            }
        } catch (IOException | DapJsonException e) {
            LOG.debug("Connection to debugpy ended", e);
        }
        if (spoke) {
            debuggeeGone();
        }
        return spoke;
    }

    private synchronized void confirmLink() {
        linkConfirmed = true;
        unconfirmed.clear();
    }

    private void fromDebuggee(DapMessage message) {
        trace.record("debugpy", message);
        if (message.isResponse()) {
            int requestSeq = message.get("request_seq").asInt();
            synchronized (this) {
                openRequests.remove(requestSeq);
            }
            if (answeredHere.remove(requestSeq)) {
                return;
            }
        }
        sawExited |= message.isEvent("exited");
        if (message.isEvent("terminated") && !sawExited) {
            // debugpy does not know the exit code of a process it attached to; the container does.
            sendExitCode();
        }
        sawTerminated |= message.isEvent("terminated");
        DapMessage out = message;
        for (Interceptor interceptor : interceptors) {
            out = interceptor.toClient(out);
        }
        toClient(out);
        if (message.isResponse() && "disconnect".equals(message.command())) {
            end();
        }
    }

    /** debugpy went away (the script ended, or its container died): tell the client, unless it left first. */
    private void debuggeeGone() {
        debuggeeEnded = true;
        if (clientDisconnected) {
            end();
            return;
        }
        answerOpenRequests("debugpy went away before answering.");
        if (!sawExited) {
            sendExitCode();
        }
        if (!sawTerminated) {
            toClient(DapMessages.terminated(ownSeq.incrementAndGet()));
        }
    }

    private void sendExitCode() {
        OptionalInt exitCode = target.join().exitCode().get();
        if (exitCode.isPresent()) {
            sawExited = true;
            toClient(DapMessages.exited(ownSeq.incrementAndGet(), exitCode.getAsInt()));
        }
    }

    /** debugpy could not be found or reached: every open request fails with the reason, then the session ends. */
    private void failSession(String reason) {
        debuggeeEnded = true;
        answerOpenRequests(reason);
        toClient(DapMessages.output(ownSeq.incrementAndGet(), "console", reason + "\n"));
        toClient(DapMessages.terminated(ownSeq.incrementAndGet()));
    }

    private void answerOpenRequests(String reason) {
        List<DapMessage> open;
        synchronized (this) {
            open = new ArrayList<>(openRequests.values());
            openRequests.clear();
        }
        open.stream().filter(r -> !answeredHere.contains(r.seq()))
                .forEach(r -> toClient(DapMessages.error(ownSeq.incrementAndGet(), r, reason)));
    }

    /** Tells the client something of our own, such as a line of the run's control log. */
    public void notifyClient(String category, String text) {
        if (client != null && !hasEnded()) {
            toClient(DapMessages.output(ownSeq.incrementAndGet(), category, text));
        }
    }

    private void toClient(DapMessage message) {
        trace.record("to-client", message);
        try {
            client.write(message.bytes());
        } catch (IOException e) {
            LOG.debug("Client connection lost", e);
            end();
        }
    }

    private synchronized void closeLink() {
        if (link != null) {
            link.close();
        }
    }

    private void end() {
        ended.countDown();
    }

    /** For tests and callers that wait: the session has ended. */
    public boolean hasEnded() {
        return ended.getCount() == 0;
    }
}
