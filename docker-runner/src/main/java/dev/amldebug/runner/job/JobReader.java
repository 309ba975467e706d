package dev.amldebug.runner.job;

import dev.amldebug.runner.yaml.YamlFiles;
import dev.amldebug.runner.yaml.YamlValue;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;
import java.util.function.Function;

/**
 * Reads a command job YAML into a {@link CommandJob}, and a pipeline's step into a {@link JobStep} with its
 * {@link CommandComponent}: the one place that knows their keys ({@link JobKeys}). It checks
 * what every rendering checks alike (known keys, mappings where mappings belong); what only a local run or only
 * submit refuses, each rendering refuses in its own words.
 */
public final class JobReader {
    private static final String WHAT = "a command job";
    /** What a component step takes from its component and may not say itself. */
    private static final List<String> FROM_COMPONENT = List.of("code", "command", "environment");

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
        Map<String, YamlValue> job = root.entries(WHAT, JobKeys.COMMAND_JOB);
        return job(root, job, inputs(job.get("inputs")), outputs(job.get("outputs")));
    }

    /**
     * A step under a pipeline's {@code jobs:}. A {@code component:} that names a file is found by {@code componentFile},
     * which each rendering words its own way (a local run and submit refuse a registered component differently).
     */
    public JobStep readStep(String name, YamlValue value, Function<YamlValue, Path> componentFile) {
        String what = "step " + name;
        Map<String, YamlValue> step = value.entries(what, JobKeys.PIPELINE_STEP);
        YamlValue component = step.get("component");
        for (String key : FROM_COMPONENT) {
            if (component != null && step.containsKey(key)) {
                throw step.get(key).error(what + " takes its " + key + " from its component; remove '" + key
                        + "' here, or drop 'component' and write the step inline");
            }
        }
        CommandJob job = job(value, step, byName(written(step.get("inputs")), "the inputs of " + what, JobReader::input),
                byName(written(step.get("outputs")), "the outputs of " + what, JobReader::output));
        return new JobStep(name, job, component == null ? null : component.isMapping()
                ? readComponent(component, job.baseDir()) : readComponent(componentFile.apply(component)));
    }

    /** A command component's own file. */
    public CommandComponent readComponent(Path file) {
        Path source = file.toAbsolutePath().normalize();
        return component(YamlFiles.read(source), source, source.getParent());
    }

    /** A command component written inline under a step's {@code component:}; its paths resolve against {@code baseDir}. */
    public CommandComponent readComponent(YamlValue inline, Path baseDir) {
        return component(inline, null, baseDir);
    }

    private static CommandComponent component(YamlValue at, Path file, Path baseDir) {
        Map<String, YamlValue> parts = at.entries("a command component", JobKeys.COMMAND_COMPONENT);
        Map<String, ComponentInput> inputs = byName(written(parts.get("inputs")), "the component's inputs",
                JobReader::componentInput);
        Map<String, JobOutput> outputs = byName(written(parts.get("outputs")), "'outputs'", JobReader::output);
        YamlValue variables = parts.get("environment_variables");
        return new CommandComponent(file, baseDir, at, parts.get("type"), parts.get("code"), parts.get("command"),
                parts.containsKey("environment") ? environment(parts.get("environment")) : null,
                inputs == null ? Map.of() : inputs, outputs == null ? Map.of() : outputs,
                variables == null ? null : variables.textMap("'environment_variables'"), parts.get("display_name"),
                parts.get("description"), parts.get("is_deterministic"), resources(parts.get("resources")),
                distribution(parts.get("distribution")));
    }

    private static CommandJob job(YamlValue root, Map<String, YamlValue> job, Map<String, JobInput> inputs,
                                  Map<String, JobOutput> outputs) {
        Path source = root.file().toAbsolutePath().normalize();
        YamlValue variables = job.get("environment_variables");
        return new CommandJob(source, source.getParent(), root, job.get("type"), job.get("code"), job.get("command"),
                inputs, outputs, job.containsKey("environment") ? environment(job.get("environment")) : null,
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

    static ComponentInput componentInput(String name, YamlValue value) {
        Map<String, YamlValue> fields = value.entries("input " + name, JobKeys.COMPONENT_INPUT);
        return new ComponentInput(name, value, fields.get("type"), fields.get("default"), fields.get("optional"),
                fields.get("description"));
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

    /** A step's or component's ports written empty ({@code inputs:}) are none, as if absent. */
    private static YamlValue written(YamlValue value) {
        return value == null || value.isNull() ? null : value;
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
