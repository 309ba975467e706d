package dev.amldebug.azure;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Collections;

/**
 * What a command job runs, as its resource says: what a local replay needs.
 *
 * @param codeId        the code version's ARM id, or null for a job without code
 * @param environmentId the environment's ARM id, or an {@code azureml:NAME:VERSION} reference as submitted
 * @param inputs        by name; a literal has a value, a file or folder a uri
 */
public record JobDefinition(String name, String jobType, String experimentName, String codeId, String command,
                            String environmentId, Map<String, String> environmentVariables, Map<String, Input> inputs) {
    /** One job input: its type (uri_file, uri_folder, literal, ...), and its uri or literal value. */
    public record Input(String type, String uri, String value) {
        public boolean literal() {
            return value != null && uri == null;
        }

        public boolean file() {
            return "uri_file".equalsIgnoreCase(type);
        }
    }

    static JobDefinition of(JsonNode resource) {
        JsonNode properties = resource.path("properties");
        Map<String, String> variables = new LinkedHashMap<>();
        properties.path("environmentVariables").fields().forEachRemaining(e -> variables.put(e.getKey(), e.getValue().asText()));
        Map<String, Input> inputs = new LinkedHashMap<>();
        properties.path("inputs").fields().forEachRemaining(e -> inputs.put(e.getKey(), new Input(
                Json.text(e.getValue(), "jobInputType"), Json.text(e.getValue(), "uri"), Json.text(e.getValue(), "value"))));
        return new JobDefinition(Json.text(resource, "name"), Json.text(properties, "jobType"), Json.text(properties, "experimentName"),
                Json.text(properties, "codeId"), Json.text(properties, "command"), Json.text(properties, "environmentId"),
                Map.copyOf(variables), Collections.unmodifiableMap(inputs));
    }
}
