package dev.amldebug.azurefake.http;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/** An answer: status, headers and body; {@link #reset()} closes the connection without any answer. */
public record Response(int status, Map<String, String> headers, byte[] body, boolean closeWithoutAnswer) {

    public static Response json(int status, JsonNode body) {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Content-Type", "application/json; charset=utf-8");
        return new Response(status, headers, Json.bytes(body), false);
    }

    public static Response ok(JsonNode body) {
        return json(200, body);
    }

    public static Response empty(int status) {
        return new Response(status, new LinkedHashMap<>(), new byte[0], false);
    }

    public static Response text(int status, String text) {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Content-Type", "text/plain; charset=utf-8");
        return new Response(status, headers, text.getBytes(StandardCharsets.UTF_8), false);
    }

    public static Response connectionReset() {
        return new Response(0, Map.of(), new byte[0], true);
    }

    public Response header(String name, String value) {
        Map<String, String> copy = new LinkedHashMap<>(headers);
        copy.put(name, value);
        return new Response(status, copy, body, closeWithoutAnswer);
    }
}
