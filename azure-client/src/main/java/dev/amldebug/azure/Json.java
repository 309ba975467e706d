package dev.amldebug.azure;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;

/** Small readers for the JSON Azure returns (absent and null read as null). */
final class Json {
    private Json() {
    }

    static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value == null || value.isNull() ? null : value.asText();
    }

    static Integer integer(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value == null || !value.canConvertToInt() ? null : value.asInt();
    }

    static Instant instant(JsonNode node, String field) {
        return instant(text(node, field));
    }

    /** An ISO-8601 time with or without its offset (run history leaves out the Z at times), or null. */
    static Instant instant(String value) {
        if (value == null || value.isEmpty()) {
            return null;
        }
        try {
            return OffsetDateTime.parse(value).toInstant();
        } catch (DateTimeParseException e) {
            try {
                return Instant.parse(value.endsWith("Z") ? value : value + "Z");
            } catch (DateTimeParseException ignored) {
                return null;
            }
        }
    }
}
