package dev.amldebug.server.azure;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.amldebug.azure.config.WorkspaceId;
import dev.amldebug.runner.spec.YamlFiles;
import dev.amldebug.runner.spec.YamlValue;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * An Azure ML v2 pipeline job YAML turned into the body of Jobs_CreateOrUpdate, as the SDK turns it: each step (inline,
 * or from its {@code component: ./x.yml}) a command node whose code is uploaded and whose inline environment becomes an
 * anonymous environment version; bindings ({@code ${{parent...}}}) are kept as written, for the service to resolve.
 * The steps of {@link RemoteStepDebug} run under the debug shim. The pieces are {@link CommandJobBody}'s.
 */
public final class PipelineJobBody {
    private static final Set<String> KEYS = Set.of("$schema", "type", "name", "display_name", "experiment_name",
            "description", "tags", "properties", "settings", "inputs", "outputs", "jobs", "compute", "identity");
    private static final Set<String> STEP_KEYS = Set.of("type", "component", "name", "display_name", "description", "tags",
            "code", "command", "environment", "environment_variables", "inputs", "outputs", "compute", "resources",
            "distribution", "limits", "properties", "identity", "services", "queue_settings", "is_deterministic");

    /**
     * A step as submitted: its name, the name its child run shows, the local code folder paths map from, and how many
     * processes run it ({@code resources.instance_count} times {@code distribution.process_count_per_instance}).
     */
    public record Step(String name, String displayName, Path codeFolder, int processes) {
    }

    /** The pipeline's body, with its steps in file order. */
    public record Pipeline(CommandJobBody.Job job, Map<String, Step> steps) {
    }

    private final Path pipelineFile;
    private final CommandJobBody.Uploads uploads;
    private final RemoteStepDebug debug;
    private final JsonNodeFactory json = JsonNodeFactory.instance;

    public PipelineJobBody(Path pipelineFile, CommandJobBody.Uploads uploads, RemoteStepDebug debug) {
        this.pipelineFile = pipelineFile.toAbsolutePath().normalize();
        this.uploads = uploads;
        this.debug = debug;
    }

    /** Whether a job YAML is a pipeline job ({@code type: pipeline}). */
    public static boolean isPipeline(Path jobFile) {
        YamlValue type = YamlFiles.read(jobFile).entries("a job").get("type");
        return type != null && "pipeline".equals(type.text("'type'"));
    }

    /** The step names of a pipeline job YAML, in file order; nothing is uploaded. */
    public static java.util.List<String> stepNames(Path pipelineFile) {
        YamlValue jobs = YamlFiles.read(pipelineFile).entries("a pipeline job", KEYS).get("jobs");
        return jobs == null ? java.util.List.of() : java.util.List.copyOf(jobs.entries("'jobs'").keySet());
    }

    public Pipeline build(WorkspaceId workspace, String compute, String experiment) {
        YamlValue root = YamlFiles.read(pipelineFile);
        Map<String, YamlValue> pipeline = root.entries("a pipeline job", KEYS);
        CommandJobBody pieces = new CommandJobBody(pipelineFile, uploads);
        ObjectNode properties = json.objectNode().put("jobType", "Pipeline");
        String experimentName = pieces.experimentName(experiment, pipeline.get("experiment_name"));
        properties.put("experimentName", experimentName);
        String displayName = CommandJobBody.optional(pipeline, "display_name");
        putIfPresent(properties, "displayName", displayName);
        putIfPresent(properties, "description", CommandJobBody.optional(pipeline, "description"));
        if (pipeline.containsKey("tags")) {
            properties.set("tags", pieces.textMap(pipeline.get("tags"), "'tags'"));
        }
        Map<String, YamlValue> settings = pipeline.containsKey("settings")
                ? pipeline.get("settings").entries("'settings'") : Map.of();
        String computeName = compute != null ? compute : CommandJobBody.optional(settings, "default_compute");
        if (computeName == null) {
            computeName = CommandJobBody.optional(pipeline, "compute");
        }
        String computeId = computeName == null ? null : pieces.computeId(workspace, computeName, null, root);
        properties.set("settings", settings(settings, computeId));
        putIfPresent(properties, "computeId", computeId);
        if (pipeline.containsKey("inputs")) {
            properties.set("inputs", pieces.data().inputs(pipeline.get("inputs")));
        }
        if (pipeline.containsKey("outputs")) {
            properties.set("outputs", pieces.data().outputs(pipeline.get("outputs")));
        }
        YamlValue jobs = pipeline.get("jobs");
        if (jobs == null || jobs.entries("'jobs'").isEmpty()) {
            throw root.error("The pipeline has no steps: add them under jobs:, each type: command or component: ./x.yml.");
        }
        Map<String, Step> steps = new LinkedHashMap<>();
        ObjectNode restJobs = json.objectNode();
        jobs.entries("'jobs'").forEach((name, step) -> restJobs.set(name, step(workspace, name, step, steps)));
        for (String name : debug.steps()) {
            if (!steps.containsKey(name)) {
                throw jobs.error("--debug-step " + name + ": the pipeline has no step '" + name + "'; its steps are "
                        + String.join(", ", steps.keySet()) + ".");
            }
        }
        properties.set("jobs", restJobs);
        ObjectNode body = json.objectNode();
        body.set("properties", properties);
        return new Pipeline(new CommandJobBody.Job(experimentName, displayName, body), steps);
    }

    private ObjectNode settings(Map<String, YamlValue> settings, String computeId) {
        ObjectNode rest = json.objectNode();
        putIfPresent(rest, "default_compute", computeId);
        for (String flag : new String[] {"continue_on_step_failure", "force_rerun"}) {
            if (settings.containsKey(flag)) {
                rest.put(flag, settings.get(flag).bool("'" + flag + "'"));
            }
        }
        putIfPresent(rest, "default_datastore", CommandJobBody.optional(settings, "default_datastore"));
        return rest;
    }

    private ObjectNode step(WorkspaceId workspace, String name, YamlValue value, Map<String, Step> steps) {
        Map<String, YamlValue> step = value.entries("step " + name, STEP_KEYS);
        Path definitionFile = pipelineFile;
        Map<String, YamlValue> definition = step;
        if (step.containsKey("component")) {
            definitionFile = componentFile(step.get("component"));
            definition = YamlFiles.read(definitionFile).entries("a command component");
        }
        boolean debugged = debug.covers(name);
        CommandJobBody pieces = new CommandJobBody(definitionFile, debugged ? debug.uploads(uploads) : uploads);
        YamlValue command = definition.get("command");
        if (command == null || definition.get("environment") == null) {
            throw value.error("Step " + name + " needs a command and an environment"
                    + (step.containsKey("component") ? " in its component." : "."));
        }
        ObjectNode rest = json.objectNode().put("type", "command").put("name", name);
        String displayName = CommandJobBody.optional(step, "display_name");
        putIfPresent(rest, "display_name", displayName);
        Path codeFolder = definitionFile.getParent();
        if (definition.containsKey("code")) {
            rest.put("code", pieces.code(definition.get("code")));
            String code = definition.get("code").text("'code'");
            codeFolder = code.startsWith("azureml:") ? codeFolder : definitionFile.getParent().resolve(code).normalize();
        }
        String text = command.text("'command'");
        rest.put("command", debugged ? debug.command(name, text) : text);
        rest.put("environment", pieces.environment(definition.get("environment")));
        if (step.containsKey("environment_variables")) {
            rest.set("environment_variables", pieces.textMap(step.get("environment_variables"), "'environment_variables'"));
        }
        rest.set("inputs", inputs(step.get("inputs"), step.containsKey("component") ? definition.get("inputs") : null));
        rest.set("outputs", outputs(step.get("outputs"), step.containsKey("component") ? definition.get("outputs") : null,
                pieces));
        if (step.containsKey("compute")) {
            rest.put("compute", pieces.computeId(workspace, step.get("compute").text("'compute'"), null, value));
        }
        int processes = 1;
        for (String key : new String[] {"resources", "distribution"}) {
            YamlValue given = step.containsKey(key) ? step.get(key) : definition.get(key);
            if (given != null) {
                ObjectNode scale = scale(given, key);
                rest.set(key, scale);
                processes *= Math.max(1, scale.path(key.equals("resources") ? "instance_count" : "process_count_per_instance").asInt(1));
            }
        }
        steps.put(name, new Step(name, displayName != null ? displayName : name, codeFolder, processes));
        return rest;
    }

    /** A step's resources or distribution, as the YAML has it (a step's settings go in the SDK's snake_case). */
    private ObjectNode scale(YamlValue value, String key) {
        ObjectNode rest = json.objectNode();
        value.entries("'" + key + "'").forEach((name, setting) -> {
            String text = setting.text("'" + name + "'");
            if (text.matches("\\d{1,9}")) {
                rest.put(name, Integer.parseInt(text));
            } else {
                rest.put(name, text);
            }
        });
        return rest;
    }

    /** Step inputs as given (bindings kept as literals, as the SDK sends them), then a component's defaults. */
    private ObjectNode inputs(YamlValue given, YamlValue declared) {
        ObjectNode rest = given == null || given.isNull() ? json.objectNode()
                : new CommandJobBody(pipelineFile, uploads).data().inputs(given);
        if (declared != null && declared.isMapping()) {
            declared.entries("the component's inputs").forEach((input, declaration) -> {
                YamlValue defaultValue = declaration.isMapping() ? declaration.entries("input " + input).get("default") : null;
                if (!rest.has(input) && defaultValue != null && defaultValue.isScalar()) {
                    rest.set(input, json.objectNode().put("jobInputType", "literal").put("value", defaultValue.text("default")));
                }
            });
        }
        return rest;
    }

    /** Step outputs: a binding to a pipeline output kept as written, else the declaration (the component's, by default). */
    private ObjectNode outputs(YamlValue given, YamlValue declared, CommandJobBody pieces) {
        ObjectNode rest = declared == null || declared.isNull() ? json.objectNode() : pieces.data().outputs(declared);
        if (given == null || given.isNull()) {
            return rest;
        }
        given.entries("'outputs'").forEach((output, value) -> {
            if (value.isScalar() && !value.isNull()) {
                rest.set(output, json.objectNode().put("type", "literal").put("value", value.text("output " + output)));
            } else {
                rest.set(output, pieces.data().output(output, value));
            }
        });
        return rest;
    }

    private Path componentFile(YamlValue component) {
        String text = component.text("'component'");
        if (text.startsWith("azureml:")) {
            throw component.error("Registered components (" + text + ") are not submitted yet: give the component's YAML"
                    + " file, for example component: ./train.yml.");
        }
        Path file = pipelineFile.getParent().resolve(text.startsWith("file:") ? text.substring(5) : text).normalize();
        if (!Files.isRegularFile(file)) {
            throw component.error("The component file " + file + " does not exist.");
        }
        return file;
    }

    private static void putIfPresent(ObjectNode node, String name, String value) {
        if (value != null) {
            node.put(name, value);
        }
    }
}
