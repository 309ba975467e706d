package dev.amldebug.azurefake.http;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** One request as a handler sees it: the route's path groups, the decoded query, the body and the fake's base URL. */
public record Call(String method, String path, Map<String, String> query, Map<String, List<String>> headers, byte[] body,
                   List<String> groups, String baseUrl) {

    public String group(int i) {
        return groups.get(i);
    }

    public String query(String name) {
        return query.get(name);
    }

    public String header(String name) {
        for (Map.Entry<String, List<String>> e : headers.entrySet()) {
            if (e.getKey() != null && e.getKey().equalsIgnoreCase(name) && !e.getValue().isEmpty()) {
                return e.getValue().get(0);
            }
        }
        return null;
    }

    public boolean hasBody() {
        return body.length > 0;
    }

    public JsonNode json() throws IOException {
        return Json.parse(body);
    }

    public Call withGroups(List<String> newGroups) {
        return new Call(method, path, query, headers, body, newGroups, baseUrl);
    }

    public static Map<String, String> parseQuery(String raw) {
        Map<String, String> query = new LinkedHashMap<>();
        if (raw == null || raw.isEmpty()) {
            return query;
        }
        for (String pair : raw.split("&")) {
            int eq = pair.indexOf('=');
            String key = eq < 0 ? pair : pair.substring(0, eq);
            String value = eq < 0 ? "" : pair.substring(eq + 1);
            query.put(URLDecoder.decode(key, StandardCharsets.UTF_8), URLDecoder.decode(value, StandardCharsets.UTF_8));
        }
        return query;
    }
}
