package dev.amldebug.azurefake;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.amldebug.azurefake.http.Json;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/** The specification's example payloads (resources under azurefake/examples, see SOURCE.md there). */
final class Examples {
    private Examples() {
    }

    /** The body of an example's response for a status, as a fresh copy. */
    static ObjectNode response(String example, int status) {
        String path = "/azurefake/examples/" + example;
        try (InputStream in = Examples.class.getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalStateException("Missing example " + path);
            }
            JsonNode body = Json.MAPPER.readTree(in).path("responses").path(Integer.toString(status)).path("body");
            return (ObjectNode) body.deepCopy();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
