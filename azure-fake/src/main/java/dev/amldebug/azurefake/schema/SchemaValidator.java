package dev.amldebug.azurefake.schema;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;

/**
 * Checks a request body against a Swagger 2.0 definition the way the service reads it: $ref, allOf, discriminator with
 * x-ms-discriminator-value, required, readOnly (a read-only property in a request is a mistake), x-nullable, enum,
 * additionalProperties, items, and the simple formats. JSON Schema validators do not know the discriminator model.
 */
public final class SchemaValidator {
    private final SwaggerDefinitions definitions;

    public SchemaValidator(SwaggerDefinitions definitions) {
        this.definitions = definitions;
    }

    /** The problems of a request body against a named definition; empty when it matches. */
    public List<Violation> check(String operation, String definition, JsonNode body) {
        SchemaWalk walk = new SchemaWalk(definitions, operation);
        walk.model(definition, body, "$");
        return walk.found();
    }
}
