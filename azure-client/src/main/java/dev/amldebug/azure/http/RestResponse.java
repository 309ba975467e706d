package dev.amldebug.azure.http;

import com.azure.core.http.HttpHeaders;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.NullNode;
import java.io.IOException;
import java.io.UncheckedIOException;

/** A response whose status the caller accepted. */
public record RestResponse(int status, HttpHeaders headers, byte[] body) {
    private static final ObjectMapper JSON = new ObjectMapper();

    public JsonNode json() {
        if (body.length == 0) {
            return NullNode.getInstance();
        }
        try {
            return JSON.readTree(body);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public String header(String name) {
        return headers.getValue(com.azure.core.http.HttpHeaderName.fromString(name));
    }
}
