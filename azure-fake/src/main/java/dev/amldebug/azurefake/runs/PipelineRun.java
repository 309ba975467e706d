package dev.amldebug.azurefake.runs;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.amldebug.azurefake.workspace.FakeWorkspace;
import dev.amldebug.azurefake.jobs.FakeJob;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A submitted pipeline job, run for real as the service runs one: each step a child run (in run history's children,
 * with its own log) of what its component version runs (the step's {@code componentId}), a container of its own on the
 * pipeline's Docker network, one after another in dependency order.
 * A step's outputs are copied out when it completes and copied in as the inputs of the steps bound to them. The parent
 * goes Queued, Running, then Completed, or Failed when a step failed (its dependents never start; the others do only
 * with {@code continue_on_step_failure}).
 */
final class PipelineRun {
    static final String STEP_SEPARATOR = "_";
    private static final Pattern UPSTREAM = Pattern.compile("\\$\\{\\{\\s*parent\\.jobs\\.([A-Za-z0-9_-]+)\\.outputs\\.([A-Za-z0-9_-]+)\\s*}}");
    private static final Pattern PARENT_INPUT = Pattern.compile("\\$\\{\\{\\s*parent\\.inputs\\.([A-Za-z0-9_-]+)\\s*}}");
    private static final Set<String> STOPPING = Set.of("CancelRequested", "Canceled");

    private final RealRuns runs;
    private final FakeWorkspace ws;
    private final FakeJob pipeline;
    private final JsonNode jobs;

    PipelineRun(RealRuns runs, FakeWorkspace ws, FakeJob pipeline) {
        this.runs = runs;
        this.ws = ws;
        this.pipeline = pipeline;
        this.jobs = pipeline.submitted.path("jobs");
    }

    void run() throws IOException {
        RealRuns.setUnlessStopping(ws, pipeline.name, "Queued");
        String network = "aml-fake-pipeline-" + pipeline.name.toLowerCase(java.util.Locale.ROOT).replaceAll("[^a-z0-9_.-]", "-");
        Path work = Files.createTempDirectory("aml-fake-pipeline-");
        boolean continueOnFailure = pipeline.submitted.path("settings").path("continue_on_step_failure").asBoolean(false);
        Set<String> failed = new LinkedHashSet<>();
        try {
            runs.createNetwork(network);
            RealRuns.setUnlessStopping(ws, pipeline.name, "Running");
            for (String step : order()) {
                if (stopping() || (!failed.isEmpty() && !continueOnFailure) || upstream(step).stream().anyMatch(failed::contains)) {
                    continue;
                }
                if (runStep(step, network, work) != 0) {
                    failed.add(step);
                }
            }
            RealRuns.setUnlessStopping(ws, pipeline.name, failed.isEmpty() ? "Completed" : "Failed");
        } finally {
            runs.removeNetwork(network);
            RealRuns.deleteQuietly(work);
        }
    }

    private int runStep(String step, String network, Path work) throws IOException {
        JsonNode node = jobs.path(step);
        JsonNode spec = componentSpec(step);
        FakeJob child = ws.jobs.createStep(pipeline.name, pipeline.name + STEP_SEPARATOR + step,
                node.path("display_name").asText(step), commandProperties(node, spec));
        ws.jobs.runForReal(child.name);
        RealRuns.setUnlessStopping(ws, child.name, "Queued");
        Path stepWork = work.resolve(step);
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
            Matcher upstream = UPSTREAM.matcher(value);
            if (upstream.matches()) {
                copyFolder(work.resolve(upstream.group(1)).resolve("outputs").resolve(upstream.group(2)),
                        stepWork.resolve("inputs").resolve(input.getKey()));
                values.put(input.getKey(), RealRuns.INPUTS + "/" + input.getKey());
                hasInputs = true;
            } else {
                values.put(input.getKey(), parentInputs(value));
            }
        }
        Set<String> outputs = new LinkedHashSet<>();
        spec.path("outputs").fieldNames().forEachRemaining(outputs::add);
        node.path("outputs").fieldNames().forEachRemaining(outputs::add);
        String command = spec.path("command").asText();
        for (Map.Entry<String, String> value : values.entrySet()) {
            command = command.replace("${{inputs." + value.getKey() + "}}", value.getValue());
        }
        StringBuilder made = new StringBuilder("mkdir -p " + RealRuns.OUTPUTS);
        for (String output : outputs) {
            command = command.replace("${{outputs." + output + "}}", RealRuns.OUTPUTS + "/" + output);
            made.append(' ').append(RealRuns.OUTPUTS).append('/').append(output);
        }
        int exit = runs.runContainer(ws, child, new RealRuns.Container(network, made + "; " + command,
                environmentVariables(node, spec), hasInputs, stepWork.resolve("outputs")), stepWork);
        RealRuns.setUnlessStopping(ws, child.name, exit == 0 ? "Completed" : "Failed");
        return exit;
    }

    /** What the step runs: the spec of the component version its componentId names (checked when the job was put). */
    private JsonNode componentSpec(String step) {
        String componentId = jobs.path(step).path("componentId").asText();
        return ws.component(componentId).map(version -> version.path("properties").path("componentSpec"))
                .orElseThrow(() -> new IllegalStateException("Step " + step + "'s component " + componentId + " is gone"));
    }

    /** The component's environment variables, then the step's over them. */
    private static ObjectNode environmentVariables(JsonNode node, JsonNode spec) {
        ObjectNode variables = JsonNodeFactory.instance.objectNode();
        for (JsonNode from : new JsonNode[] {spec.path("environment_variables"), node.path("environment_variables")}) {
            from.fields().forEachRemaining(variable -> variables.set(variable.getKey(), variable.getValue()));
        }
        return variables;
    }

    /** The step as a command job's properties, as run history shows a step's run. */
    private ObjectNode commandProperties(JsonNode node, JsonNode spec) {
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

    /** The steps, each after the steps whose outputs it binds to (ties in the order submitted). */
    private List<String> order() {
        List<String> ordered = new ArrayList<>();
        List<String> left = new ArrayList<>();
        jobs.fieldNames().forEachRemaining(left::add);
        while (!left.isEmpty()) {
            String next = left.stream().filter(step -> ordered.containsAll(upstream(step).stream().filter(jobs::has).toList()))
                    .findFirst().orElseThrow(() -> new IllegalStateException("The steps " + left + " bind to each other in a cycle"));
            ordered.add(next);
            left.remove(next);
        }
        return ordered;
    }

    private Set<String> upstream(String step) {
        Set<String> names = new LinkedHashSet<>();
        jobs.path(step).path("inputs").forEach(input -> {
            Matcher matcher = UPSTREAM.matcher(input.path("value").asText(""));
            while (matcher.find()) {
                names.add(matcher.group(1));
            }
        });
        return names;
    }

    private boolean stopping() {
        return ws.jobs.find(pipeline.name).map(job -> STOPPING.contains(job.status)).orElse(true);
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
