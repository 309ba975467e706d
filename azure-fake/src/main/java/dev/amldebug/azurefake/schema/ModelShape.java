package dev.amldebug.azurefake.schema;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

/** The flattened properties and required names of a model and its allOf chain. */
final class ModelShape {
    final Map<String, JsonNode> properties = new LinkedHashMap<>();
    final Set<String> required = new LinkedHashSet<>();

    private ModelShape() {
    }

    /** A named model's shape: its parents' (in allOf order), then its own over them. */
    static ModelShape of(SwaggerDefinitions definitions, String name) {
        ModelShape shape = new ModelShape();
        for (String parent : definitions.parents(name)) {
            shape.merge(of(definitions, parent));
        }
        shape.add(definitions.get(name));
        return shape;
    }

    /** The shape of a model declared inline, without a name. */
    static ModelShape inline(JsonNode schema) {
        ModelShape shape = new ModelShape();
        shape.add(schema);
        return shape;
    }

    private void merge(ModelShape other) {
        properties.putAll(other.properties);
        required.addAll(other.required);
    }

    private void add(JsonNode schema) {
        schema.path("properties").fields().forEachRemaining(e -> properties.put(e.getKey(), e.getValue()));
        schema.path("required").forEach(r -> required.add(r.asText()));
    }
}
