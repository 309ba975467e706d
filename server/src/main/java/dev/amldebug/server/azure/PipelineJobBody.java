package dev.amldebug.server.azure;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.amldebug.azure.config.WorkspaceId;
import dev.amldebug.runner.job.CommandComponent;
import dev.amldebug.runner.job.CommandJob;
import dev.amldebug.runner.job.ComponentInput;
import dev.amldebug.runner.job.JobDistribution;
import dev.amldebug.runner.job.JobEnvironment;
import dev.amldebug.runner.job.JobKeys;
import dev.amldebug.runner.job.JobOutput;
import dev.amldebug.runner.job.JobReader;
import dev.amldebug.runner.job.JobResources;
import dev.amldebug.runner.job.JobStep;
import dev.amldebug.runner.yaml.YamlFiles;
import dev.amldebug.runner.yaml.YamlValue;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * An Azure ML v2 pipeline job YAML turned into the body of Jobs_CreateOrUpdate, as the SDK turns it: each step, read
 * by the job model ({@link JobReader#readStep}: inline, or from its {@code component: ./x.yml} or an inline component),
 * first registered as an anonymous command component (its code uploaded, an
 * inline environment made an anonymous environment version), then a node of the pipeline that references it by
 * {@code componentId}; bindings ({@code ${{parent...}}}) are kept as written, for the service to resolve.
 * The steps of {@link RemoteStepDebug} run under the debug shim. The pieces are {@link CommandJobBody}'s.
 */
public final class PipelineJobBody {
    private static final Set<String> KEYS = JobKeys.PIPELINE_JOB;

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

    /** What a step takes from its pipeline: the workspace, the pipeline's compute, its inputs and outputs for bindings. */
    private record Around(WorkspaceId workspace, String computeId, StepPorts ports) {
    }

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
        // The SDK sends both, empty when the pipeline has none.
        YamlValue inputs = pipeline.get("inputs");
        properties.set("inputs", inputs == null || inputs.isNull() ? json.objectNode() : pieces.data().inputs(JobReader.inputs(inputs)));
        YamlValue outputs = pipeline.get("outputs");
        properties.set("outputs", outputs == null || outputs.isNull() ? json.objectNode() : pieces.data().outputs(JobReader.outputs(outputs)));
        YamlValue jobs = pipeline.get("jobs");
        if (jobs == null || jobs.entries("'jobs'").isEmpty()) {
            throw root.error("The pipeline has no steps: add them under jobs:, each type: command or component: ./x.yml.");
        }
        Map<String, Step> steps = new LinkedHashMap<>();
        ObjectNode restJobs = json.objectNode();
        Around around = new Around(workspace, computeId, new StepPorts(pipeline.get("inputs"), pipeline.get("outputs")));
        jobs.entries("'jobs'").forEach((name, step) -> restJobs.set(name, step(around, name, step, steps)));
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
        ObjectNode rest = json.objectNode().put("_source", StepComponent.SOURCE);
        putIfPresent(rest, "default_compute", computeId);
        for (String flag : new String[] {"continue_on_step_failure", "force_rerun"}) {
            if (settings.containsKey(flag)) {
                rest.put(flag, settings.get(flag).bool("'" + flag + "'"));
            }
        }
        putIfPresent(rest, "default_datastore", CommandJobBody.optional(settings, "default_datastore"));
        return rest;
    }

    /** A step as the pipeline's node: its component registered first, then referenced by id. */
    private ObjectNode step(Around around, String name, YamlValue value, Map<String, Step> steps) {
        JobStep read = new JobReader().readStep(name, value, this::componentFile);
        CommandJob step = read.job();
        CommandComponent component = read.component();
        Path definitionFile = component == null || component.file() == null ? pipelineFile : component.file();
        CommandJobBody pieces = new CommandJobBody(definitionFile, debug.covers(name) ? debug.uploads(uploads) : uploads);
        ObjectNode rest = json.objectNode().put("name", name).put("type", "command");
        String displayName = CommandJobBody.optional(step.displayName(), "display_name");
        putIfPresent(rest, "display_name", displayName);
        rest.put("componentId", component(value, read, around.ports(), pieces));
        String stepCompute = step.compute() != null
                ? pieces.computeId(around.workspace(), step.compute().text("'compute'"), null, value) : around.computeId();
        putIfPresent(rest, "computeId", stepCompute);
        rest.put("_source", StepComponent.SOURCE);
        if (step.environmentVariables() != null) {
            rest.set("environment_variables", textMap(step.environmentVariables()));
        }
        rest.set("inputs", step.inputs() == null ? json.objectNode()
                : SnakeCase.eachOf(new CommandJobBody(pipelineFile, uploads).data().inputs(step.inputs())));
        rest.set("outputs", outputs(step.outputs(), pieces));
        int processes = 1;
        JobResources resources = step.resources() != null || component == null ? step.resources() : component.resources();
        if (resources != null) {
            rest.set("resources", SnakeCase.of(JobSettingsBody.resources(resources)));
            processes *= Math.max(1, rest.path("resources").path("instance_count").asInt(1));
        }
        JobDistribution distribution = step.distribution() != null || component == null
                ? step.distribution() : component.distribution();
        if (distribution != null) {
            rest.set("distribution", SnakeCase.of(JobSettingsBody.distribution(distribution)));
            processes *= Math.max(1, rest.path("distribution").path("process_count_per_instance").asInt(1));
        }
        Path codeFolder = component == null ? step.codeDir() : component.codeDir();
        steps.put(name, new Step(name, displayName != null ? displayName : name, codeFolder, processes));
        return rest;
    }

    /**
     * Registers the step's command (under the shim when debugged), code, environment and ports; returns the component's
     * id. An inline step's ports are inferred by {@code inline}; a component's are declared.
     */
    private String component(YamlValue value, JobStep step, StepPorts inline, CommandJobBody pieces) {
        CommandJob job = step.job();
        CommandComponent declared = step.component();
        YamlValue command = declared == null ? job.command() : declared.command();
        JobEnvironment environment = declared == null ? job.environment() : declared.environment();
        if (command == null || environment == null) {
            throw value.error("Step " + step.name() + " needs a command and an environment"
                    + (declared != null ? " in its component." : "."));
        }
        YamlValue code = declared == null ? job.code() : declared.code();
        String text = command.text("'command'");
        ObjectNode spec = StepComponent.spec(debug.covers(step.name()) ? debug.command(step.name(), text) : text,
                code == null ? null : pieces.code(code), pieces.environment(environment),
                declared == null ? inline.inputs(job.inputs()) : StepPorts.declared(declared.inputs(), ComponentInput::at),
                declared == null ? inline.outputs(job.outputs()) : StepPorts.declared(declared.outputs(), JobOutput::at));
        YamlValue description = declared == null ? job.description() : declared.description();
        putIfPresent(spec, "description", CommandJobBody.optional(description, "description"));
        if (declared != null) {
            putIfPresent(spec, "display_name", CommandJobBody.optional(declared.displayName(), "display_name"));
            if (declared.environmentVariables() != null) {
                spec.set("environment_variables", textMap(declared.environmentVariables()));
            }
        }
        return uploads.component(StepComponent.version(spec), StepComponent.body(spec));
    }

    private ObjectNode textMap(Map<String, String> values) {
        ObjectNode map = json.objectNode();
        values.forEach(map::put);
        return map;
    }

    /** Step outputs: a binding to a pipeline output kept as written, an output's settings in the step's snake_case. */
    private ObjectNode outputs(Map<String, JobOutput> given, CommandJobBody pieces) {
        ObjectNode rest = json.objectNode();
        if (given == null) {
            return rest;
        }
        given.forEach((output, value) -> {
            if (value.at().isScalar() && !value.at().isNull()) {
                rest.set(output, json.objectNode().put("value", value.at().text("output " + output)).put("type", "literal"));
            } else {
                rest.set(output, SnakeCase.of(pieces.data().output(value)));
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
