package dev.amldebug.azurefake.runs;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.amldebug.azurefake.jobs.FakeJob;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One step of a pipeline, bound as Azure ML binds it: its node in the pipeline's {@code jobs}, the spec of its component
 * version, and what its container gets (inputs, outputs, command, environment variables) and its child run shows.
 */
record PipelineStep(FakeJob pipeline, JsonNode node, JsonNode spec) {
    private static final Pattern PARENT_INPUT = Pattern.compile("\\$\\{\\{\\s*parent\\.inputs\\.([A-Za-z0-9_-]+)\\s*}}");

    /**
     * The step's container on {@code network}: the outputs of the steps it binds to copied from {@code work/<step>/outputs}
     * to {@code stepWork/inputs}, its command with its inputs and outputs in place, its outputs back to {@code stepWork/outputs}.
     */
    JobContainers.Spec container(String network, Path work, Path stepWork) throws IOException {
        Map<String, String> values = new LinkedHashMap<>();
        // The component's defaults first: the node gives only the inputs it sets.
        spec.path("inputs").fields().forEachRemaining(input -> {
            if (input.getValue().hasNonNull("default")) {
                values.put(input.getKey(), input.getValue().path("default").asText());
            }
        });
        boolean hasInputs = false;
        var inputs = node.path("inputs").fields();
        while (inputs.hasNext()) {
            var input = inputs.next();
            String value = input.getValue().path("value").asText(input.getValue().path("uri").asText(""));
            Matcher upstream = StepOrder.UPSTREAM.matcher(value);
            if (upstream.matches()) {
                copyFolder(work.resolve(upstream.group(1)).resolve("outputs").resolve(upstream.group(2)),
                        stepWork.resolve("inputs").resolve(input.getKey()));
                values.put(input.getKey(), JobContainers.INPUTS + "/" + input.getKey());
                hasInputs = true;
            } else {
                values.put(input.getKey(), parentInputs(value));
            }
        }
        return new JobContainers.Spec(network, command(values), environmentVariables(), hasInputs, stepWork.resolve("outputs"));
    }

    /** The component's command with the inputs' values and the outputs' folders in place, after making those folders. */
    private String command(Map<String, String> values) {
        Set<String> outputs = new LinkedHashSet<>();
        spec.path("outputs").fieldNames().forEachRemaining(outputs::add);
        node.path("outputs").fieldNames().forEachRemaining(outputs::add);
        String command = spec.path("command").asText();
        for (Map.Entry<String, String> value : values.entrySet()) {
            command = command.replace("${{inputs." + value.getKey() + "}}", value.getValue());
        }
        StringBuilder made = new StringBuilder("mkdir -p " + JobContainers.OUTPUTS);
        for (String output : outputs) {
            command = command.replace("${{outputs." + output + "}}", JobContainers.OUTPUTS + "/" + output);
            made.append(' ').append(JobContainers.OUTPUTS).append('/').append(output);
        }
        return made + "; " + command;
    }

    /** The component's environment variables, then the step's over them. */
    private ObjectNode environmentVariables() {
        ObjectNode variables = JsonNodeFactory.instance.objectNode();
        for (JsonNode from : new JsonNode[] {spec.path("environment_variables"), node.path("environment_variables")}) {
            from.fields().forEachRemaining(variable -> variables.set(variable.getKey(), variable.getValue()));
        }
        return variables;
    }

    /** The step as a command job's properties, as run history shows a step's run. */
    ObjectNode commandProperties() {
        ObjectNode properties = JsonNodeFactory.instance.objectNode().put("jobType", "Command")
                .put("experimentName", pipeline.experimentName).put("command", spec.path("command").asText())
                .put("environmentId", armId(spec.path("environment").asText()));
        if (spec.hasNonNull("code")) {
            properties.put("codeId", armId(spec.path("code").asText()));
        }
        properties.put("computeId", node.path("computeId").asText(pipeline.computeId));
        // A step comes in the SDK's snake_case; its run in run history has a command job's camelCase.
        if (node.has("resources")) {
            properties.putObject("resources").put("instanceCount", node.path("resources").path("instance_count").asInt(1));
        }
        if (node.has("distribution")) {
            properties.putObject("distribution")
                    .put("distributionType", node.path("distribution").path("distribution_type").asText("PyTorch"))
                    .put("processCountPerInstance", node.path("distribution").path("process_count_per_instance").asInt(1));
        }
        return properties;
    }

    /** A component spec names assets as azureml:/subscriptions/...; a job's properties by their ARM id alone. */
    private static String armId(String reference) {
        return reference.startsWith("azureml:/") ? reference.substring("azureml:".length()) : reference;
    }

    /** A value with the pipeline's inputs (${{parent.inputs.NAME}}) in place. */
    private String parentInputs(String value) {
        Matcher matcher = PARENT_INPUT.matcher(value);
        StringBuilder out = new StringBuilder();
        while (matcher.find()) {
            JsonNode input = pipeline.submitted.path("inputs").path(matcher.group(1));
            matcher.appendReplacement(out, Matcher.quoteReplacement(input.path("value").asText(input.path("uri").asText(""))));
        }
        matcher.appendTail(out);
        return out.toString();
    }

    private static void copyFolder(Path from, Path to) throws IOException {
        Files.createDirectories(to);
        if (!Files.isDirectory(from)) {
            return;
        }
        try (var paths = Files.walk(from)) {
            for (Path path : paths.toList()) {
                Path target = to.resolve(from.relativize(path).toString());
                if (Files.isDirectory(path)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(path, target);
                }
            }
        }
    }
}
