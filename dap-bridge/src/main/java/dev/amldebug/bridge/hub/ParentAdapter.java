package dev.amldebug.bridge.hub;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.amldebug.bridge.protocol.DapErrorCode;
import dev.amldebug.bridge.protocol.DapJsonException;
import dev.amldebug.bridge.protocol.DapMessage;
import dev.amldebug.bridge.protocol.DapMessages;
import dev.amldebug.bridge.protocol.DapReader;
import dev.amldebug.bridge.protocol.DapWriter;
import java.io.IOException;
import java.net.Socket;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The debuggee a parent session talks to: not a debugpy, but the hub. It answers the session's
 * own requests (there is no program of its own to stop) and asks the client, with DAP's
 * {@code startDebugging}, for a child session per debuggee that joins. The bridge in front of it
 * treats it as any debugpy: the same interceptors, the run's exit code, its termination.
 */
final class ParentAdapter implements Runnable, HubListener {
    private static final Logger LOG = LoggerFactory.getLogger(ParentAdapter.class);
    static final String NO_START_DEBUGGING = "This debug client cannot show one session per rank: it does not support"
            + " DAP's startDebugging request. Debug the ranks from VS Code, or with the console debugger of"
            + " aml-debug run.";

    private final DebugHub hub;
    private final Socket socket;
    private final DapWriter writer;
    private final AtomicInteger seq = new AtomicInteger();
    private volatile boolean startDebuggingSupported;
    private volatile JsonNode attach;

    ParentAdapter(DebugHub hub, Socket socket) throws IOException {
        this.hub = hub;
        this.socket = socket;
        this.writer = new DapWriter(socket.getOutputStream());
    }

    @Override
    public void run() {
        try {
            DapReader reader = new DapReader(socket.getInputStream());
            byte[] body;
            while ((body = reader.read()) != null) {
                handle(DapMessage.parse(body));
            }
        } catch (IOException | DapJsonException e) {
            LOG.debug("The parent session's connection ended", e);
        } finally {
            Arrivals.closeQuietly(socket);
        }
    }

    private void handle(DapMessage message) throws IOException {
        if (message.isResponse() && "startDebugging".equals(message.command()) && !message.get("success").asBoolean()) {
            say("The debug client did not open a session for a rank: " + message.get("message").asText("") + "\n");
        }
        if (!"request".equals(message.type())) {
            return;
        }
        JsonNode arguments = message.get("arguments");
        switch (message.command()) {
            case "initialize" -> {
                startDebuggingSupported = arguments.path("supportsStartDebuggingRequest").asBoolean(false);
                respond(message, DapMessage.JSON.createObjectNode().put("supportsConfigurationDoneRequest", true)
                        .put("supportTerminateDebuggee", true));
            }
            case "attach" -> attach(message);
            case "setBreakpoints" -> respond(message, ParentAnswers.unverified(arguments));
            case "threads" -> respond(message, ParentAnswers.noThreads());
            case "configurationDone", "setExceptionBreakpoints", "setFunctionBreakpoints", "disconnect", "terminate" ->
                    respond(message, null);
            default -> send(DapMessages.error(seq.incrementAndGet(), message, DapErrorCode.BAD_INPUT,
                    "This is the run's own session, with no program of its own: use the session of a rank."));
        }
        if (message.isRequest("disconnect") || message.isRequest("terminate")) {
            Arrivals.closeQuietly(socket);
        }
    }

    private void attach(DapMessage request) throws IOException {
        if (!startDebuggingSupported) {
            send(DapMessages.error(seq.incrementAndGet(), request, DapErrorCode.NO_CHILD_SESSIONS, NO_START_DEBUGGING));
            return;
        }
        attach = request.get("arguments");
        send(DapMessages.event(seq.incrementAndGet(), "initialized", null));
        respond(request, null);
        hub.addListener(this);
    }

    @Override
    public void joined(Debuggee debuggee) {
        if (socket.isClosed()) {
            return;
        }
        ObjectNode configuration = HubChild.configuration(debuggee, hub.ticket(debuggee));
        if (attach.has("pathMappings")) {
            configuration.set("pathMappings", attach.get("pathMappings").deepCopy());
        }
        configuration.put("justMyCode", attach.path("justMyCode").asBoolean(true));
        ObjectNode arguments = DapMessage.JSON.createObjectNode().put("request", "attach");
        arguments.set("configuration", configuration);
        ObjectNode request = DapMessage.JSON.createObjectNode().put("seq", seq.incrementAndGet())
                .put("type", "request").put("command", "startDebugging");
        request.set("arguments", arguments);
        try {
            say(debuggee.name() + " joined (pid " + debuggee.pid() + ")\n");
            send(DapMessage.of(request));
        } catch (IOException e) {
            LOG.debug("The parent session went away before a rank joined", e);
        }
    }

    /** The run's hub is closed: the run has ended, and so does this session (the bridge adds the exit code). */
    @Override
    public void closed() {
        Arrivals.closeQuietly(socket);
    }

    private void say(String text) throws IOException {
        send(DapMessages.output(seq.incrementAndGet(), "console", text));
    }

    private void respond(DapMessage request, JsonNode body) throws IOException {
        send(DapMessages.response(seq.incrementAndGet(), request.seq(), request.command(), true, null, body));
    }

    private void send(DapMessage message) throws IOException {
        writer.write(message.bytes());
    }
}
