package dev.amldebug.azurefake.schema;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The definitions section of a Swagger 2.0 document, with the lookups its discriminator model needs. */
public final class SwaggerDefinitions {
    private static final String REF_PREFIX = "#/definitions/";
    private final Map<String, JsonNode> byName = new LinkedHashMap<>();

    public SwaggerDefinitions(JsonNode document) {
        Iterator<Map.Entry<String, JsonNode>> fields = document.path("definitions").fields();
        fields.forEachRemaining(e -> byName.put(e.getKey(), e.getValue()));
    }

    /** The subset of the 2024-10-01 specification shipped with this module (see SOURCE.md beside it). */
    public static SwaggerDefinitions bundled() {
        try (InputStream in = SwaggerDefinitions.class.getResourceAsStream("/azurefake/schema/definitions.json")) {
            return new SwaggerDefinitions(new ObjectMapper().readTree(in));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public JsonNode get(String name) {
        JsonNode definition = byName.get(name);
        if (definition == null) {
            throw new IllegalArgumentException("No definition " + name + " in the schema");
        }
        return definition;
    }

    static String refName(JsonNode schema) {
        String ref = schema.path("$ref").asText("");
        return ref.startsWith(REF_PREFIX) ? ref.substring(REF_PREFIX.length()) : ref.substring(ref.lastIndexOf('/') + 1);
    }

    /** The definitions named by allOf, nearest first. */
    List<String> parents(String name) {
        List<String> parents = new ArrayList<>();
        for (JsonNode part : get(name).path("allOf")) {
            parents.add(refName(part));
        }
        return parents;
    }

    boolean inherits(String name, String ancestor) {
        for (String parent : parents(name)) {
            if (parent.equals(ancestor) || inherits(parent, ancestor)) {
                return true;
            }
        }
        return false;
    }

    /** The discriminator property declared by the definition or the nearest ancestor that declares one. */
    Optional<String> discriminator(String name) {
        JsonNode own = get(name).get("discriminator");
        if (own != null) {
            return Optional.of(own.asText());
        }
        for (String parent : parents(name)) {
            Optional<String> inherited = discriminator(parent);
            if (inherited.isPresent()) {
                return inherited;
            }
        }
        return Optional.empty();
    }

    /** The definition that inherits from base and declares x-ms-discriminator-value = value. */
    Optional<String> subtype(String base, String value) {
        return byName.entrySet().stream()
                .filter(e -> value.equals(e.getValue().path("x-ms-discriminator-value").asText(null)))
                .map(Map.Entry::getKey)
                .filter(name -> inherits(name, base))
                .findFirst();
    }

    boolean isModel(JsonNode schema) {
        return schema.has("properties") || schema.has("allOf") || schema.has("discriminator");
    }
}
