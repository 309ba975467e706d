package dev.amldebug.server.azure;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.amldebug.runner.job.JobInput;
import dev.amldebug.runner.job.JobOutput;
import dev.amldebug.runner.yaml.YamlValue;
import java.util.Map;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The inputs and outputs of a step's component: a component's as it declares them, an inline step's inferred from
 * what the step is given, as the SDK infers them (a binding takes the type of the pipeline input or output it names).
 */
final class StepPorts {
    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;
    private static final Pattern PARENT = Pattern.compile("^\\$\\{\\{\\s*parent\\.(inputs|outputs)\\.([A-Za-z0-9_-]+)\\s*}}$");
    private final Map<String, YamlValue> pipelineInputs;
    private final Map<String, YamlValue> pipelineOutputs;

    StepPorts(YamlValue pipelineInputs, YamlValue pipelineOutputs) {
        this.pipelineInputs = mapping(pipelineInputs, "the pipeline's inputs");
        this.pipelineOutputs = mapping(pipelineOutputs, "the pipeline's outputs");
    }

    /** A component's inputs or outputs, as it declares them. */
    static <T> ObjectNode declared(Map<String, T> declared, Function<T, YamlValue> at) {
        ObjectNode ports = JSON.objectNode();
        declared.forEach((name, port) -> ports.set(name, json(at.apply(port))));
        return ports;
    }

    /** An inline step's inputs, from what it is given (null: none). */
    ObjectNode inputs(Map<String, JobInput> given) {
        ObjectNode ports = JSON.objectNode();
        if (given != null) {
            given.forEach((name, input) -> ports.set(name, JSON.objectNode().put("type", inputType(input.at()))));
        }
        return ports;
    }

    /** An inline step's outputs, from what it is given (null: none). */
    ObjectNode outputs(Map<String, JobOutput> given) {
        ObjectNode ports = JSON.objectNode();
        if (given != null) {
            given.forEach((name, output) -> ports.set(name, outputPort(output.at())));
        }
        return ports;
    }

    private String inputType(YamlValue value) {
        if (value.isMapping()) {
            return typeOf(value, "uri_folder");
        }
        String text = value.text("an input");
        Matcher parent = PARENT.matcher(text);
        if (parent.matches() && parent.group(1).equals("inputs") && pipelineInputs.containsKey(parent.group(2))) {
            return inputType(pipelineInputs.get(parent.group(2)));
        }
        // Another step's output is data.
        return text.contains("${{parent.jobs.") ? "uri_folder" : literalType(text);
    }

    /** An output's type and mode; one bound to a pipeline output takes that output's. */
    private ObjectNode outputPort(YamlValue value) {
        if (value.isScalar() && !value.isNull()) {
            Matcher parent = PARENT.matcher(value.text("an output"));
            boolean bound = parent.matches() && parent.group(1).equals("outputs") && pipelineOutputs.containsKey(parent.group(2));
            return bound ? outputPort(pipelineOutputs.get(parent.group(2))) : JSON.objectNode().put("type", "uri_folder");
        }
        ObjectNode port = JSON.objectNode().put("type", value.isMapping() ? typeOf(value, "uri_folder") : "uri_folder");
        YamlValue mode = value.isMapping() ? value.entries("an output").get("mode") : null;
        if (mode != null) {
            // The recorded SDK sends a ReadWriteMount output's component port as "mount".
            String text = mode.text("'mode'");
            port.put("mode", text.equals("rw_mount") ? "mount" : text);
        }
        return port;
    }

    private static String typeOf(YamlValue mapping, String otherwise) {
        YamlValue type = mapping.entries("a port").get("type");
        return type == null ? otherwise : type.text("'type'");
    }

    private static String literalType(String text) {
        if (text.equals("true") || text.equals("false")) {
            return "boolean";
        }
        if (text.matches("[-+]?\\d+")) {
            return "integer";
        }
        return text.matches("[-+]?(\\d+\\.\\d*|\\.\\d+|\\d+)([eE][-+]?\\d+)?") ? "number" : "string";
    }

    /** YAML as JSON: scalars as text (true and false as booleans), mappings and lists as they are. */
    static JsonNode json(YamlValue value) {
        if (value.isNull()) {
            return JSON.nullNode();
        }
        if (value.isMapping()) {
            ObjectNode object = JSON.objectNode();
            value.entries("a mapping").forEach((key, entry) -> object.set(key, json(entry)));
            return object;
        }
        if (value.isSequence()) {
            ArrayNode array = JSON.arrayNode();
            value.items("a list").forEach(item -> array.add(json(item)));
            return array;
        }
        String text = value.text("a value");
        return text.equals("true") || text.equals("false") ? JSON.booleanNode(Boolean.parseBoolean(text)) : JSON.textNode(text);
    }

    private static Map<String, YamlValue> mapping(YamlValue value, String what) {
        return value == null || value.isNull() ? Map.of() : value.entries(what);
    }
}
