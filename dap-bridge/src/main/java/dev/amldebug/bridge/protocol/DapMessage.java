package dev.amldebug.bridge.protocol;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

/**
 * One DAP message. It keeps the bytes it arrived with: a message that no interceptor
 * changes is forwarded byte for byte. A changed one is written anew from its JSON tree.
 */
public final class DapMessage {
    public static final ObjectMapper JSON = new ObjectMapper();

    private final byte[] bytes;
    private final ObjectNode json;

    private DapMessage(byte[] bytes, ObjectNode json) {
        this.bytes = bytes;
        this.json = json;
    }

    /** @throws DapJsonException when the body is not a JSON object */
    public static DapMessage parse(byte[] bytes) throws DapJsonException {
        try {
            JsonNode node = JSON.readTree(bytes);
            if (!(node instanceof ObjectNode object)) {
                throw new DapJsonException("a DAP message must be a JSON object");
            }
            return new DapMessage(bytes, object);
        } catch (JsonProcessingException e) {
            throw new DapJsonException("invalid JSON: " + e.getOriginalMessage());
        } catch (IOException e) {
            throw new DapJsonException("unreadable message: " + e.getMessage());
        }
    }

    public static DapMessage of(ObjectNode json) {
        try {
            return new DapMessage(JSON.writeValueAsBytes(json), json);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a JSON tree always serializes", e);
        }
    }

    public byte[] bytes() {
        return bytes;
    }

    /** A copy of the JSON to change; build the changed message with {@link #of}. */
    public ObjectNode copyJson() {
        return json.deepCopy();
    }

    public JsonNode get(String field) {
        return json.path(field);
    }

    public String type() {
        return json.path("type").asText();
    }

    public String command() {
        return json.path("command").asText();
    }

    public String event() {
        return json.path("event").asText();
    }

    public int seq() {
        return json.path("seq").asInt();
    }

    public boolean isRequest(String command) {
        return "request".equals(type()) && command.equals(command());
    }

    public boolean isResponse() {
        return "response".equals(type());
    }

    public boolean isEvent(String name) {
        return "event".equals(type()) && name.equals(event());
    }

    @Override
    public String toString() {
        return new String(bytes, StandardCharsets.UTF_8);
    }
}
