package dev.amldebug.server.azure;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.amldebug.azure.config.WorkspaceId;
import dev.amldebug.runner.job.CommandComponent;
import dev.amldebug.runner.job.CommandJob;
import dev.amldebug.runner.job.ComponentInput;
import dev.amldebug.runner.job.JobDistribution;
import dev.amldebug.runner.job.JobEnvironment;
import dev.amldebug.runner.job.JobOutput;
import dev.amldebug.runner.job.JobReader;
import dev.amldebug.runner.job.JobResources;
import dev.amldebug.runner.job.JobStep;
import dev.amldebug.runner.yaml.YamlValue;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * One step of a pipeline as submit sends it, read by the job model ({@link JobReader#readStep}): its command component
 * registered (an inline step's, or its component's from a file or inline), then the node that references it by id.
 */
final class StepBody {
    private final Path pipelineFile;
    private final CommandJobBody.Uploads uploads;
    private final RemoteStepDebug debug;
    private final WorkspaceId workspace;
    private final String computeId;
    private final StepPorts ports;
    private final JsonNodeFactory json = JsonNodeFactory.instance;

    /**
     * @param computeId the pipeline's compute, for a step that names none (may be null)
     * @param ports     the pipeline's inputs and outputs, from which an inline step's ports are inferred
     */
    StepBody(Path pipelineFile, CommandJobBody.Uploads uploads, RemoteStepDebug debug, WorkspaceId workspace,
             String computeId, StepPorts ports) {
        this.pipelineFile = pipelineFile;
        this.uploads = uploads;
        this.debug = debug;
        this.workspace = workspace;
        this.computeId = computeId;
        this.ports = ports;
    }

    /** A step as the pipeline's node: its component registered first, then referenced by id. */
    ObjectNode node(String name, YamlValue value, Map<String, PipelineJobBody.Step> steps) {
        JobStep read = new JobReader().readStep(name, value, this::componentFile);
        CommandJob step = read.job();
        CommandComponent component = read.component();
        Path definitionFile = component == null || component.file() == null ? pipelineFile : component.file();
        CommandJobBody pieces = new CommandJobBody(definitionFile, debug.covers(name) ? debug.uploads(uploads) : uploads);
        ObjectNode rest = json.objectNode().put("name", name).put("type", "command");
        String displayName = CommandJobBody.optional(step.displayName(), "display_name");
        putIfPresent(rest, "display_name", displayName);
        rest.put("componentId", component(value, read, pieces));
        String stepCompute = step.compute() != null
                ? pieces.computeId(workspace, step.compute().text("'compute'"), null, value) : computeId;
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
        steps.put(name, new PipelineJobBody.Step(name, displayName != null ? displayName : name, codeFolder, processes));
        return rest;
    }

    /**
     * Registers the step's command (under the shim when debugged), code, environment and ports; returns the component's
     * id. An inline step's ports are inferred from what it is given; a component's are declared.
     */
    private String component(YamlValue value, JobStep step, CommandJobBody pieces) {
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
                declared == null ? ports.inputs(job.inputs()) : StepPorts.declared(declared.inputs(), ComponentInput::at),
                declared == null ? ports.outputs(job.outputs()) : StepPorts.declared(declared.outputs(), JobOutput::at));
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
