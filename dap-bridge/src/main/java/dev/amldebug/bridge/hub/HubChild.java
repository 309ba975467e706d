package dev.amldebug.bridge.hub;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.amldebug.bridge.target.BridgeTarget;
import dev.amldebug.bridge.target.DebuggeeDialer;
import dev.amldebug.bridge.protocol.DapMessage;
import dev.amldebug.errors.AmlDebugException;
import java.io.IOException;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.OptionalInt;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * A child session's side: the attach configuration that names one debuggee of a hub, and the target it resolves
 * to in whichever process serves the child (the hub's, or an {@code aml-debug dap} a client started for it).
 */
public final class HubChild {
    public static final String PORT_KEY = "hubPort";
    public static final String TICKET_KEY = "hubTicket";
    /** Ours: debugpy never sees them. */
    public static final Set<String> OWN_KEYS = Set.of(PORT_KEY, TICKET_KEY, "rank", "node", "pid", "runId");
    private static final String REFUSED = "the debug hub refused this session's ticket: it was used already, or the"
            + " run has ended";

    private HubChild() {
    }

    /** Whether an attach request's arguments name a hub's debuggee. */
    public static boolean names(JsonNode attachArguments) {
        return attachArguments.hasNonNull(TICKET_KEY);
    }

    /** The child's attach configuration, as a parent session puts it in {@code startDebugging}. */
    public static ObjectNode configuration(Debuggee debuggee, HubTicket ticket) {
        ObjectNode configuration = DapMessage.JSON.createObjectNode();
        configuration.put("name", debuggee.name()).put(PORT_KEY, ticket.port()).put(TICKET_KEY, ticket.ticket());
        if (debuggee.rank() != null) {
            configuration.put("rank", debuggee.rank());
        }
        if (debuggee.node() != null) {
            configuration.put("node", debuggee.node());
        }
        if (debuggee.run() != null) {
            configuration.put("runId", debuggee.run());
        }
        return configuration.put("pid", debuggee.pid());
    }

    /** The target an attach with a ticket resolves to: the hub's loopback handoff, which joins it to the debuggee. */
    public static BridgeTarget target(JsonNode attachArguments) {
        int port = attachArguments.path(PORT_KEY).asInt(0);
        String ticket = attachArguments.path(TICKET_KEY).asText("");
        if (port <= 0 || ticket.isEmpty()) {
            throw AmlDebugException.badInput("An attach to a rank needs the \"" + PORT_KEY + "\" and \"" + TICKET_KEY
                    + "\" that its parent session gave in startDebugging; start it from the parent session.");
        }
        AtomicBoolean refused = new AtomicBoolean();
        DebuggeeDialer dialer = (target, timeoutMillis) -> {
            if (refused.get()) {
                throw new IOException(REFUSED);
            }
            return handoff(port, ticket, timeoutMillis, refused);
        };
        return new BridgeTarget(InetAddress.getLoopbackAddress().getHostAddress(), port, List.of(),
                attachArguments.path("justMyCode").asBoolean(true), DebugHub.CLAIM_TIMEOUT, OWN_KEYS,
                OptionalInt::empty, () -> { }, dialer);
    }

    /** Once refused, a ticket is not offered again: it is spent, or its hub is gone. */
    private static DebuggeeDialer.Connection handoff(int port, String ticket, int timeoutMillis, AtomicBoolean refused)
            throws IOException {
        BridgeTarget loopback = BridgeTarget.of(InetAddress.getLoopbackAddress().getHostAddress(), port, List.of());
        DebuggeeDialer.Connection connection = DebuggeeDialer.TCP.dial(loopback, timeoutMillis);
        try {
            connection.out().write((ticket + "\n").getBytes(StandardCharsets.US_ASCII));
            connection.out().flush();
            if (!"AML_DEBUG_WELCOME".equals(HandshakeLine.read(connection.in()))) {
                throw new IOException(REFUSED);
            }
            return connection;
        } catch (IOException e) {
            refused.set(true);
            Arrivals.closeQuietly(connection.closer());
            throw new IOException(REFUSED, e);
        }
    }
}
