package dev.amldebug.azure.http;

import com.azure.core.http.HttpHeaders;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.NullNode;
import dev.amldebug.errors.AmlDebugException;
import java.io.IOException;
import com.azure.core.http.HttpHeaderName;
import java.nio.charset.StandardCharsets;

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
            throw AmlDebugException.environment(notJson(body), null);
        }
    }

    /** One sentence for an answer that is not JSON: an HTML page (a proxy, a captive portal) or a truncated one. */
    static String notJson(byte[] body) {
        String start = new String(body, 0, Math.min(body.length, 200), StandardCharsets.UTF_8).strip();
        boolean html = start.startsWith("<");
        return html ? "Azure's answer was a web page, not JSON: a proxy, captive portal or firewall answered instead of"
                + " Azure ML. Sign in to the network (or set HTTPS_PROXY), then try again."
                : "Azure's answer was not whole JSON (cut off, or something else): the connection may have dropped;"
                + " try again, and check HTTPS_PROXY if it happens every time.";
    }

    public String header(String name) {
        return headers.getValue(HttpHeaderName.fromString(name));
    }
}
