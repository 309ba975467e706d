package dev.amldebug.azure;

import com.fasterxml.jackson.databind.JsonNode;
import dev.amldebug.errors.AmlDebugException;
import java.net.URI;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;

/**
 * A pipeline step's definition, which the service keeps only in its pipeline: the node of the step's name in the
 * pipeline's {@code properties.jobs}, and the component version its {@code componentId} names (the SDK registers each
 * step as an anonymous component). Node inputs come in the node format ({@code job_input_type}, {@code value}
 * or {@code uri}); one bound to {@code ${{parent.inputs.X}}} takes the pipeline's input X.
 */
final class StepDefinitions {
    private static final String AZUREML = "azureml:";
    private final Function<URI, JsonNode> armGet;
    private final Function<String, URI> resolve;
    private final String apiVersion;

    StepDefinitions(Function<URI, JsonNode> armGet, Function<String, URI> resolve, String apiVersion) {
        this.armGet = armGet;
        this.resolve = resolve;
        this.apiVersion = apiVersion;
    }

    JobDefinition of(String runId, String nodeName, JsonNode pipeline) {
        JsonNode properties = pipeline.path("properties");
        JsonNode node = properties.path("jobs").path(nodeName == null ? "" : nodeName);
        if (node.isMissingNode()) {
            throw AmlDebugException.badInput("Step " + runId + " (" + nodeName + ") is not among the steps of pipeline "
                    + Json.text(pipeline, "name") + ": list its steps with `aml-debug azure jobs show "
                    + Json.text(pipeline, "name") + "`.");
        }
        JsonNode spec = node.path("componentId").isTextual()
                ? armGet.apply(resolve.apply(armId(node.path("componentId").asText()) + "?" + apiVersion)).path("properties").path("componentSpec")
                : node;
        Map<String, String> variables = new LinkedHashMap<>();
        fields(spec, "environment_variables", "environmentVariables").fields()
                .forEachRemaining(e -> variables.put(e.getKey(), e.getValue().asText()));
        Map<String, JobDefinition.Input> inputs = new LinkedHashMap<>();
        node.path("inputs").fields().forEachRemaining(e -> inputs.put(e.getKey(), input(e.getValue(), properties.path("inputs"))));
        String code = first(spec, "code", "codeId");
        String environment = first(spec, "environment", "environmentId");
        return new JobDefinition(runId, "Command", Json.text(properties, "experimentName"),
                code == null ? null : armId(code), first(spec, "command", "command"),
                environment == null ? null : environment.startsWith(AZUREML + "/") ? armId(environment) : environment,
                Map.copyOf(variables), Collections.unmodifiableMap(inputs));
    }

    private static JobDefinition.Input input(JsonNode input, JsonNode pipelineInputs) {
        String value = Json.text(input, "value");
        if (value != null && value.matches("\\$\\{\\{\\s*parent\\.inputs\\.[^}\\s]+\\s*}}")) {
            String name = value.replaceAll("\\$\\{\\{\\s*parent\\.inputs\\.([^}\\s]+)\\s*}}", "$1");
            return input(pipelineInputs.path(name), pipelineInputs);
        }
        return new JobDefinition.Input(first(input, "job_input_type", "jobInputType"), Json.text(input, "uri"), value);
    }

    /** An ARM id from a reference such as {@code azureml:/subscriptions/...}, or the id itself. */
    private static String armId(String reference) {
        return reference.startsWith(AZUREML + "/") ? reference.substring(AZUREML.length()) : reference;
    }

    private static JsonNode fields(JsonNode node, String snake, String camel) {
        return node.has(snake) ? node.path(snake) : node.path(camel);
    }

    private static String first(JsonNode node, String one, String other) {
        String value = Json.text(node, one);
        return value != null ? value : Json.text(node, other);
    }
}
