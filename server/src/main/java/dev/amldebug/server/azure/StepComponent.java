package dev.amldebug.server.azure;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.amldebug.azure.Components;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * A pipeline step's command component as the SDK registers it before the pipeline job: an anonymous version of
 * {@link Components#ANONYMOUS} whose spec holds what the step runs, named by a hash of that spec so that an unchanged
 * step is registered under the same version again.
 */
final class StepComponent {
    /** What the SDK records as the origin of a step (and its component) read from a pipeline job YAML. */
    static final String SOURCE = "YAML.JOB";
    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;
    private static final ObjectMapper SORTED = new ObjectMapper().configure(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS, true);

    private StepComponent() {
    }

    /** The component spec; {@code code} (may be null) and {@code environment} are ARM ids or azureml: references. */
    static ObjectNode spec(String command, String code, String environment, ObjectNode inputs, ObjectNode outputs) {
        // The SDK sends version "1" inside the spec; the version that names the component is the hash in the URL.
        ObjectNode spec = JSON.objectNode().put("name", Components.ANONYMOUS).put("version", "1").put("type", "command")
                .put("_source", SOURCE).put("is_deterministic", true).put("command", command);
        if (code != null) {
            spec.put("code", reference(code));
        }
        spec.put("environment", reference(environment));
        spec.set("inputs", inputs);
        spec.set("outputs", outputs);
        return spec;
    }

    /** The body of ComponentVersions_CreateOrUpdate for the spec. */
    static ObjectNode body(ObjectNode spec) {
        ObjectNode properties = JSON.objectNode();
        properties.set("description", spec.has("description") ? spec.get("description") : JSON.nullNode());
        properties.putObject("tags");
        properties.putObject("properties");
        properties.put("isArchived", false).put("isAnonymous", true);
        properties.set("componentSpec", spec);
        ObjectNode body = JSON.objectNode();
        body.set("properties", properties);
        return body;
    }

    /** A SHA-256 of the spec (keys sorted), in a GUID's shape as the SDK's anonymous versions are. */
    static String version(ObjectNode spec) {
        try {
            byte[] text = SORTED.writeValueAsString(SORTED.treeToValue(spec, Object.class)).getBytes(StandardCharsets.UTF_8);
            String hex = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text));
            return hex.substring(0, 8) + "-" + hex.substring(8, 12) + "-" + hex.substring(12, 16) + "-" + hex.substring(16, 20)
                    + "-" + hex.substring(20, 32);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("A component spec is plain JSON", e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }

    /** An asset as a component spec names it: an ARM id prefixed with azureml:, an azureml: reference as written. */
    static String reference(String id) {
        return id.startsWith("azureml:") ? id : "azureml:" + id;
    }
}
