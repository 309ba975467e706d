package dev.amldebug.server.azure;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Locale;

/**
 * A REST object's field names in the SDK's snake_case ({@code jobInputType} becomes {@code job_input_type}): a pipeline
 * step (node) carries its inputs, outputs, resources and distribution that way, the values unchanged.
 */
final class SnakeCase {
    private SnakeCase() {
    }

    static ObjectNode of(ObjectNode camelCase) {
        ObjectNode snake = JsonNodeFactory.instance.objectNode();
        camelCase.fields().forEachRemaining(field -> snake.set(name(field.getKey()), field.getValue()));
        return snake;
    }

    /** Each entry of a map of objects (inputs, outputs) in snake_case. */
    static ObjectNode eachOf(ObjectNode map) {
        ObjectNode snake = JsonNodeFactory.instance.objectNode();
        map.fields().forEachRemaining(field -> snake.set(field.getKey(), of((ObjectNode) field.getValue())));
        return snake;
    }

    static String name(String camelCase) {
        return camelCase.replaceAll("([a-z0-9])([A-Z])", "$1_$2").toLowerCase(Locale.ROOT);
    }
}
