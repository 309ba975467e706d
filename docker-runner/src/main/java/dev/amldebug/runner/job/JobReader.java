package dev.amldebug.runner.job;

import dev.amldebug.runner.yaml.YamlFiles;
import dev.amldebug.runner.yaml.YamlValue;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.BiFunction;

/**
 * Reads a command job YAML into a {@link CommandJob}: the one place that knows its keys ({@link JobKeys}). It checks
 * what every rendering checks alike (known keys, mappings where mappings belong); what only a local run or only
 * submit refuses, each rendering refuses in its own words.
 */
public final class JobReader {
    private static final String WHAT = "a command job";

    /** The job file's document; {@link #typeOf} may be checked before the job is read. */
    public static YamlValue open(Path file) {
        return YamlFiles.read(file.toAbsolutePath().normalize());
    }

    /** The document's {@code type}, or null, before its keys are checked. */
    public static YamlValue typeOf(YamlValue root) {
        return root.entries(WHAT).get("type");
    }

    public CommandJob read(Path file) {
        return read(open(file));
    }

    public CommandJob read(YamlValue root) {
        Path source = root.file().toAbsolutePath().normalize();
        Map<String, YamlValue> job = root.entries(WHAT, JobKeys.COMMAND_JOB);
        YamlValue variables = job.get("environment_variables");
        return new CommandJob(source, source.getParent(), root, job.get("type"), job.get("code"), job.get("command"),
                inputs(job.get("inputs")), outputs(job.get("outputs")),
                job.containsKey("environment") ? environment(job.get("environment")) : null,
                variables == null ? null : variables.textMap("'environment_variables'"),
                job.get("experiment_name"), job.get("display_name"), job.get("description"), job.get("tags"),
                job.get("compute"), distribution(job.get("distribution")), resources(job.get("resources")),
                job.get("limits"), job.get("identity"), job.get("services"), job.get("queue_settings"),
                job.get("is_deterministic"));
    }

    /** {@code inputs:} (of a job, a step or a pipeline) by name in file order; null when {@code value} is. */
    public static Map<String, JobInput> inputs(YamlValue value) {
        return byName(value, "'inputs'", JobReader::input);
    }

    static JobInput input(String name, YamlValue value) {
        if (value.isScalar()) {
            return new JobInput(name, value, JobInput.Kind.LITERAL, value.text("input " + name), null, null, null, null);
        }
        Map<String, YamlValue> fields = value.entries("input " + name, JobKeys.INPUT);
        YamlValue path = fields.get("path");
        JobInput.Kind kind = path == null ? JobInput.Kind.NO_PATH
                : JobInput.isReference(path.text("'path'")) ? JobInput.Kind.REFERENCE : JobInput.Kind.LOCAL_PATH;
        return new JobInput(name, value, kind, null, fields.get("type"), path, fields.get("mode"),
                fields.get("description"));
    }

    /** {@code outputs:} by name in file order; null when {@code value} is. */
    public static Map<String, JobOutput> outputs(YamlValue value) {
        return byName(value, "'outputs'", JobReader::output);
    }

    public static JobOutput output(String name, YamlValue value) {
        if (!value.isMapping()) {
            return new JobOutput(name, value, null, null, null, null);
        }
        Map<String, YamlValue> fields = value.entries("output " + name, JobKeys.OUTPUT);
        return new JobOutput(name, value, fields.get("type"), fields.get("mode"), fields.get("path"),
                fields.get("description"));
    }

    /** An environment, inline under a job or a step, or the document of an environment file. */
    public static JobEnvironment environment(YamlValue value) {
        if (value.isScalar()) {
            return new JobEnvironment(value, value.text("the environment"), null, null, null);
        }
        Map<String, YamlValue> fields = value.entries("the environment", JobKeys.ENVIRONMENT);
        return new JobEnvironment(value, null, fields.get("image"), fields.get("conda_file"), fields.get("build"));
    }

    /** {@code distribution:}, or null. */
    public static JobDistribution distribution(YamlValue value) {
        if (value == null) {
            return null;
        }
        Map<String, YamlValue> fields = value.entries("'distribution'", JobKeys.DISTRIBUTION);
        return new JobDistribution(value, fields.get("type"), fields.get("process_count_per_instance"),
                fields.get("worker_count"), fields.get("parameter_server_count"));
    }

    /** {@code resources:}, or null. */
    public static JobResources resources(YamlValue value) {
        if (value == null) {
            return null;
        }
        Map<String, YamlValue> fields = value.entries("'resources'", JobKeys.RESOURCES);
        return new JobResources(value, fields.get("instance_count"), fields.get("instance_type"),
                fields.get("shm_size"), fields.get("docker_args"), fields.get("properties"));
    }

    private static <T> Map<String, T> byName(YamlValue value, String what, BiFunction<String, YamlValue, T> read) {
        if (value == null) {
            return null;
        }
        Map<String, T> result = new LinkedHashMap<>();
        value.entries(what).forEach((name, item) -> result.put(name, read.apply(name, item)));
        return result;
    }
}
