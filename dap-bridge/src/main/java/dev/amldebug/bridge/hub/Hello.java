package dev.amldebug.bridge.hub;

import com.fasterxml.jackson.databind.JsonNode;
import dev.amldebug.bridge.protocol.DapMessage;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

/**
 * The shim's first line: {@code AML_DEBUG_HELLO {"token": ..., "run": ..., "node": 1, "rank": 3,
 * "localRank": 1, "pid": 42}}, and {@code "role": "peers"} on a rank's second connection, its line to the other
 * ranks ({@link RankPeers}). The hub answers {@code AML_DEBUG_WELCOME} or closes the connection.
 */
final class Hello {
    static final String PREFIX = "AML_DEBUG_HELLO ";
    static final byte[] WELCOME = "AML_DEBUG_WELCOME\n".getBytes(StandardCharsets.US_ASCII);

    private Hello() {
    }

    /** Who a hello announces, and whether this connection is its line to the other ranks rather than its DAP one. */
    record Greeting(Debuggee debuggee, boolean peers) {
    }

    /**
     * @return the debuggee the line announces, if it carries the token
     * @throws IOException with the reason to log when it is no hello, or not with this token (never the token itself)
     */
    static Greeting check(String line, HubToken token, String id, String remote) throws IOException {
        if (!line.startsWith(PREFIX)) {
            throw new IOException("it did not start with the hub's hello");
        }
        JsonNode hello;
        try {
            hello = DapMessage.JSON.readTree(line.substring(PREFIX.length()));
        } catch (IOException e) {
            throw new IOException("its hello is not JSON");
        }
        if (!hello.path("token").isTextual() || hello.path("token").asText().isEmpty()) {
            throw new IOException("it came without a token");
        }
        if (!token.matches(hello.path("token").asText())) {
            throw new IOException("it came with a wrong token");
        }
        return new Greeting(new Debuggee(id, text(hello, "run"), number(hello, "node"), number(hello, "rank"),
                number(hello, "localRank"), hello.path("pid").asLong(0), remote), "peers".equals(text(hello, "role")));
    }

    private static String text(JsonNode hello, String field) {
        return hello.path(field).isTextual() ? hello.get(field).asText() : null;
    }

    private static Integer number(JsonNode hello, String field) {
        return hello.path(field).canConvertToInt() && hello.get(field).isIntegralNumber() ? hello.get(field).asInt()
                : null;
    }
}
