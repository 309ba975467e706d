package dev.amldebug.azurefake.schema;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Checks a request body against a Swagger 2.0 definition the way the service reads it: $ref, allOf, discriminator with
 * x-ms-discriminator-value, required, readOnly (a read-only property in a request is a mistake), x-nullable, enum,
 * additionalProperties, items, and the simple formats. JSON Schema validators do not know the discriminator model.
 */
public final class SchemaValidator {
    private static final Pattern UUID = Pattern.compile("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");
    private static final Pattern DURATION = Pattern.compile("-?P(\\d+Y)?(\\d+M)?(\\d+W)?(\\d+D)?(T(\\d+H)?(\\d+M)?(\\d+(\\.\\d+)?S)?)?");
    private final SwaggerDefinitions definitions;

    public SchemaValidator(SwaggerDefinitions definitions) {
        this.definitions = definitions;
    }

    /** The problems of a request body against a named definition; empty when it matches. */
    public List<Violation> check(String operation, String definition, JsonNode body) {
        List<Violation> found = new ArrayList<>();
        new Run(operation, found).model(definition, body, "$");
        return found;
    }

    private final class Run {
        private final String operation;
        private final List<Violation> found;

        Run(String operation, List<Violation> found) {
            this.operation = operation;
            this.found = found;
        }

        void problem(String path, String what) {
            found.add(new Violation(operation, path, what));
        }

        void value(JsonNode schema, JsonNode node, String path) {
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

        void typed(JsonNode schema, JsonNode node, String path) {
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

        void expect(boolean ok, String path, String what) {
            if (!ok) {
                problem(path, what);
            }
        }

        void string(JsonNode schema, JsonNode node, String path) {
            if (!node.isTextual()) {
                problem(path, "must be a string");
                return;
            }
            String text = node.asText();
            if (schema.has("enum")) {
                Set<String> allowed = new LinkedHashSet<>();
                schema.get("enum").forEach(v -> allowed.add(v.asText()));
                expect(allowed.contains(text), path, "'" + text + "' is not one of " + allowed);
            }
            if (schema.has("minLength")) {
                expect(text.length() >= schema.get("minLength").asInt(), path, "is shorter than " + schema.get("minLength").asInt());
            }
            if (schema.has("pattern")) {
                expect(Pattern.compile(schema.get("pattern").asText()).matcher(text).find(), path, "does not match " + schema.get("pattern").asText());
            }
            switch (schema.path("format").asText("")) {
                case "uuid" -> expect(UUID.matcher(text).matches(), path, "must be a UUID");
                case "duration" -> expect(DURATION.matcher(text).matches() && text.length() > 1, path, "must be an ISO 8601 duration such as PT1H");
                case "date-time" -> expect(text.matches("\\d{4}-\\d{2}-\\d{2}T.*"), path, "must be an ISO 8601 date-time");
                default -> { }
            }
        }

        void array(JsonNode schema, JsonNode node, String path) {
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

        void map(JsonNode schema, JsonNode node, String path) {
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
            Shape shape = shape(concrete);
            shape.check(this, node, path, !definitions.get(concrete).path("additionalProperties").asBoolean(true));
        }

        void inlineModel(JsonNode schema, JsonNode node, String path) {
            if (!node.isObject()) {
                problem(path, "must be an object");
                return;
            }
            Shape shape = new Shape();
            shape.add(schema, SchemaValidator.this);
            shape.check(this, node, path, !schema.path("additionalProperties").asBoolean(true));
        }
    }

    private Shape shape(String name) {
        Shape shape = new Shape();
        for (String parent : definitions.parents(name)) {
            shape.merge(shape(parent));
        }
        shape.add(definitions.get(name), this);
        return shape;
    }

    /** The flattened properties and required names of a model and its allOf chain. */
    private static final class Shape {
        final Map<String, JsonNode> properties = new LinkedHashMap<>();
        final Set<String> required = new LinkedHashSet<>();

        void merge(Shape other) {
            properties.putAll(other.properties);
            required.addAll(other.required);
        }

        void add(JsonNode schema, SchemaValidator validator) {
            schema.path("properties").fields().forEachRemaining(e -> properties.put(e.getKey(), e.getValue()));
            schema.path("required").forEach(r -> required.add(r.asText()));
        }

        void check(Run run, JsonNode node, String path, boolean closed) {
            for (String name : required) {
                if (!node.has(name)) {
                    run.problem(child(path, name), "is required");
                }
            }
            node.fields().forEachRemaining(e -> {
                JsonNode property = properties.get(e.getKey());
                if (property == null) {
                    if (closed) {
                        run.problem(child(path, e.getKey()), "is not a property of this type");
                    }
                } else {
                    run.value(property, e.getValue(), child(path, e.getKey()));
                }
            });
        }
    }

    private static String child(String path, String name) {
        return name.matches("[A-Za-z_][A-Za-z0-9_]*") ? path + "." + name : path + "['" + name + "']";
    }
}
