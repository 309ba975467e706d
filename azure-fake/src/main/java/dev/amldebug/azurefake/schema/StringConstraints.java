package dev.amldebug.azurefake.schema;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/** What a string schema asks of its text: enum, minLength, pattern, and the formats uuid, duration and date-time. */
final class StringConstraints {
    private static final Pattern UUID = Pattern.compile("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");
    private static final Pattern DURATION = Pattern.compile("-?P(\\d+Y)?(\\d+M)?(\\d+W)?(\\d+D)?(T(\\d+H)?(\\d+M)?(\\d+(\\.\\d+)?S)?)?");

    private StringConstraints() {
    }

    /** What the text breaks of its schema, in the order above; empty when it keeps to all of it. */
    static List<String> broken(JsonNode schema, String text) {
        List<String> broken = new ArrayList<>();
        if (schema.has("enum")) {
            Set<String> allowed = new LinkedHashSet<>();
            schema.get("enum").forEach(v -> allowed.add(v.asText()));
            expect(broken, allowed.contains(text), "'" + text + "' is not one of " + allowed);
        }
        if (schema.has("minLength")) {
            expect(broken, text.length() >= schema.get("minLength").asInt(), "is shorter than " + schema.get("minLength").asInt());
        }
        if (schema.has("pattern")) {
            expect(broken, Pattern.compile(schema.get("pattern").asText()).matcher(text).find(), "does not match " + schema.get("pattern").asText());
        }
        switch (schema.path("format").asText("")) {
            case "uuid" -> expect(broken, UUID.matcher(text).matches(), "must be a UUID");
            case "duration" -> expect(broken, DURATION.matcher(text).matches() && text.length() > 1, "must be an ISO 8601 duration such as PT1H");
            case "date-time" -> expect(broken, text.matches("\\d{4}-\\d{2}-\\d{2}T.*"), "must be an ISO 8601 date-time");
            default -> { }
        }
        return broken;
    }

    private static void expect(List<String> broken, boolean ok, String what) {
        if (!ok) {
            broken.add(what);
        }
    }
}
