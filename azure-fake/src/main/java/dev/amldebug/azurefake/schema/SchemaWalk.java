package dev.amldebug.azurefake.schema;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;

/** One check of one request body: walks the body beside its schema and keeps every place where they differ. */
final class SchemaWalk {
    private final SwaggerDefinitions definitions;
    private final String operation;
    private final List<Violation> found = new ArrayList<>();

    SchemaWalk(SwaggerDefinitions definitions, String operation) {
        this.definitions = definitions;
        this.operation = operation;
    }

    List<Violation> found() {
        return found;
    }

    private void problem(String path, String what) {
        found.add(new Violation(operation, path, what));
    }

    private void expect(boolean ok, String path, String what) {
        if (!ok) {
            problem(path, what);
        }
    }

    private void value(JsonNode schema, JsonNode node, String path) {
        if (schema.path("readOnly").asBoolean(false)) {
            problem(path, "is read-only and must not be sent");
            return;
        }
        if (node.isNull()) {
            if (!schema.path("x-nullable").asBoolean(false)) {
                problem(path, "must not be null");
            }
            return;
        }
        if (schema.has("$ref")) {
            String name = SwaggerDefinitions.refName(schema);
            JsonNode target = definitions.get(name);
            if (definitions.isModel(target)) {
                model(name, node, path);
            } else {
                value(target, node, path);
            }
            return;
        }
        if (definitions.isModel(schema)) {
            inlineModel(schema, node, path);
            return;
        }
        typed(schema, node, path);
    }

    private void typed(JsonNode schema, JsonNode node, String path) {
        String type = schema.path("type").asText("");
        switch (type) {
            case "string" -> string(schema, node, path);
            case "integer" -> expect(node.isIntegralNumber(), path, "must be an integer");
            case "number" -> expect(node.isNumber(), path, "must be a number");
            case "boolean" -> expect(node.isBoolean(), path, "must be true or false");
            case "array" -> array(schema, node, path);
            case "object" -> map(schema, node, path);
            default -> { }
        }
    }

    private void string(JsonNode schema, JsonNode node, String path) {
        if (!node.isTextual()) {
            problem(path, "must be a string");
            return;
        }
        StringConstraints.broken(schema, node.asText()).forEach(what -> problem(path, what));
    }

    private void array(JsonNode schema, JsonNode node, String path) {
        if (!node.isArray()) {
            problem(path, "must be an array");
            return;
        }
        for (int i = 0; i < node.size(); i++) {
            if (schema.has("items")) {
                value(schema.get("items"), node.get(i), path + "[" + i + "]");
            }
        }
    }

    private void map(JsonNode schema, JsonNode node, String path) {
        if (!node.isObject()) {
            problem(path, "must be an object");
            return;
        }
        JsonNode entries = schema.get("additionalProperties");
        if (entries != null && entries.isObject()) {
            node.fields().forEachRemaining(e -> value(entries, e.getValue(), child(path, e.getKey())));
        }
    }

    /** A named model: picks the subtype its discriminator names, then checks every property the chain declares. */
    void model(String name, JsonNode node, String path) {
        if (!node.isObject()) {
            problem(path, "must be an object (" + name + ")");
            return;
        }
        String concrete = name;
        var discriminator = definitions.discriminator(name);
        if (discriminator.isPresent() && node.path(discriminator.get()).isTextual()) {
            String value = node.get(discriminator.get()).asText();
            String declared = definitions.get(name).path("x-ms-discriminator-value").asText(null);
            if (declared != null) {
                if (!declared.equals(value)) {
                    problem(child(path, discriminator.get()), "is '" + value + "' but " + name + " requires '" + declared + "'");
                    return;
                }
            } else {
                var subtype = definitions.subtype(name, value);
                if (subtype.isEmpty()) {
                    problem(child(path, discriminator.get()), "'" + value + "' names no known subtype of " + name);
                    return;
                }
                concrete = subtype.get();
            }
        }
        properties(ModelShape.of(definitions, concrete), node, path, !definitions.get(concrete).path("additionalProperties").asBoolean(true));
    }

    private void inlineModel(JsonNode schema, JsonNode node, String path) {
        if (!node.isObject()) {
            problem(path, "must be an object");
            return;
        }
        properties(ModelShape.inline(schema), node, path, !schema.path("additionalProperties").asBoolean(true));
    }

    /** The required properties present, each property as its schema says, and (when closed) no property it does not declare. */
    private void properties(ModelShape shape, JsonNode node, String path, boolean closed) {
        for (String name : shape.required) {
            if (!node.has(name)) {
                problem(child(path, name), "is required");
            }
        }
        node.fields().forEachRemaining(e -> {
            JsonNode property = shape.properties.get(e.getKey());
            if (property == null) {
                if (closed) {
                    problem(child(path, e.getKey()), "is not a property of this type");
                }
            } else {
                value(property, e.getValue(), child(path, e.getKey()));
            }
        });
    }

    private static String child(String path, String name) {
        return name.matches("[A-Za-z_][A-Za-z0-9_]*") ? path + "." + name : path + "['" + name + "']";
    }
}
