package dev.amldebug.server.azure;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.amldebug.azure.config.WorkspaceId;
import dev.amldebug.runner.job.CommandJob;
import dev.amldebug.runner.job.JobEnvironment;
import dev.amldebug.runner.job.JobReader;
import dev.amldebug.runner.spec.ExperimentNames;
import dev.amldebug.runner.yaml.YamlValue;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import dev.amldebug.errors.AmlDebugException;

/**
 * An Azure ML v2 command job YAML turned into the body of Jobs_CreateOrUpdate, as the SDK turns
 * it: the job model ({@link JobReader}) rendered with the code folder and local inputs uploaded, an inline
 * environment made an anonymous environment version, and every {@code azureml:} reference passed on as written.
 */
public final class CommandJobBody {
    /** What a body needs from the workspace: uploads that return the ids and URIs to send. */
    public interface Uploads {
        String code(Path folder);

        URI input(Path fileOrFolder);

        String environment(String image, String condaFileText);

        /** Registers a pipeline step's anonymous component version; returns its ARM id as the service answers. */
        String component(String version, ObjectNode componentVersionBody);
    }

    /** The job's name, experiment and body. */
    public record Job(String experimentName, String displayName, ObjectNode body) {
    }

    private final Path jobFile;
    private final Path baseDir;
    private final Uploads uploads;
    private final JsonNodeFactory json = JsonNodeFactory.instance;

    public CommandJobBody(Path jobFile, Uploads uploads) {
        this.jobFile = jobFile.toAbsolutePath().normalize();
        this.baseDir = this.jobFile.getParent();
        this.uploads = uploads;
    }

    /**
     * @param compute    the compute's name from --compute, or null for the YAML's {@code compute}
     * @param experiment the experiment from --experiment, or null for the YAML's or the folder's name
     */
    public Job build(WorkspaceId workspace, String compute, String experiment) {
        YamlValue root = JobReader.open(jobFile);
        YamlValue type = JobReader.typeOf(root);
        if (type != null && !"command".equals(type.text("'type'"))) {
            throw type.error("'aml-debug azure submit' takes a command job (type: command) or a pipeline job"
                    + " (type: pipeline).");
        }
        return render(new JobReader().read(root), workspace, compute, experiment);
    }

    private Job render(CommandJob job, WorkspaceId workspace, String compute, String experiment) {
        ObjectNode properties = json.objectNode().put("jobType", "Command");
        String experimentName = experimentName(experiment, job.experimentName());
        properties.put("experimentName", experimentName);
        String displayName = optional(job.displayName(), "display_name");
        putIfPresent(properties, "displayName", displayName);
        putIfPresent(properties, "description", optional(job.description(), "description"));
        if (job.tags() != null) {
            properties.set("tags", textMap(job.tags(), "'tags'"));
        }
        properties.put("command", required(job.command(), job.root(), "command",
                "the command to run, for example: python train.py"));
        if (job.code() != null) {
            properties.put("codeId", code(job.code()));
        }
        required(job.environment() == null ? null : job.environment().at(), job.root(), "environment",
                "an environment: azureml:NAME@latest, or image: and conda_file:");
        properties.put("environmentId", environment(job.environment()));
        properties.put("computeId", computeId(workspace, compute, job.compute(), job.root()));
        if (job.environmentVariables() != null) {
            ObjectNode variables = json.objectNode();
            job.environmentVariables().forEach(variables::put);
            properties.set("environmentVariables", variables);
        }
        if (job.inputs() != null) {
            properties.set("inputs", data().inputs(job.inputs()));
        }
        if (job.outputs() != null) {
            properties.set("outputs", data().outputs(job.outputs()));
        }
        JobSettingsBody.putAll(properties, job);
        ObjectNode body = json.objectNode();
        body.set("properties", properties);
        return new Job(experimentName, displayName, body);
    }

    String experimentName(String override, YamlValue value) {
        String name = override != null ? override : value != null ? value.text("'experiment_name'")
                : ExperimentNames.fromFolder(baseDir.getFileName().toString());
        if (!ExperimentNames.isValid(name)) {
            if (value != null && override == null) {
                throw value.error(ExperimentNames.rule(name));
            }
            throw AmlDebugException.badInput(ExperimentNames.rule(name));
        }
        return name;
    }

    String code(YamlValue value) {
        String text = value.text("'code'");
        if (text.startsWith("azureml:")) {
            return text;
        }
        Path folder = baseDir.resolve(text).normalize();
        if (!Files.isDirectory(folder)) {
            throw value.error("The code folder " + folder + " does not exist. Point 'code' at the folder that holds"
                    + " your scripts, relative to " + jobFile.getFileName() + ".");
        }
        return uploads.code(folder);
    }

    /** The environment's id: a reference as written, an inline environment registered as an anonymous version. */
    String environment(JobEnvironment environment) {
        return new EnvironmentBody(jobFile, uploads).id(environment);
    }

    String computeId(WorkspaceId workspace, String compute, YamlValue value, YamlValue root) {
        String name = compute;
        if (name == null && value != null) {
            name = value.text("'compute'");
        }
        if (name == null) {
            throw root.error("Say where the job runs: pass --compute NAME (see `aml-debug azure computes`),"
                    + " or set compute: azureml:NAME in the YAML.");
        }
        name = name.startsWith("azureml:") ? name.substring("azureml:".length()) : name;
        return workspace.armId() + "/computes/" + name;
    }

    /** The job's inputs and outputs, local inputs uploaded. */
    JobDataBody data() {
        return new JobDataBody(jobFile, uploads);
    }

    ObjectNode textMap(YamlValue value, String what) {
        ObjectNode map = json.objectNode();
        value.textMap(what).forEach(map::put);
        return map;
    }

    /** The local folder a command job's {@code code:} names (the YAML's folder without one, or for an azureml: asset). */
    static Path codeFolder(Path jobFile) {
        return new JobReader().read(jobFile).codeDir();
    }

    static String optional(Map<String, YamlValue> fields, String key) {
        return optional(fields.get(key), key);
    }

    /** The value's text, or null when it is absent or written empty ({@code key: ~}). */
    static String optional(YamlValue value, String key) {
        return value != null && !value.isNull() ? value.text("'" + key + "'") : null;
    }

    private static String required(YamlValue value, YamlValue root, String key, String hint) {
        if (value == null) {
            throw root.error("The job has no '" + key + "': add " + hint + ".");
        }
        return value.isScalar() ? value.text("'" + key + "'") : "";
    }

    private static void putIfPresent(ObjectNode node, String name, String value) {
        if (value != null) {
            node.put(name, value);
        }
    }
}
