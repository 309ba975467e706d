package dev.amldebug.runner.job;

import java.util.HashSet;
import java.util.Set;

/**
 * The keys of Azure ML's job YAML (CLI v2 schemas) that aml-debug reads, in one place: the local run's readers and
 * `azure submit`'s read the same YAML, so a file one of them accepts the other must accept too.
 */
public final class JobKeys {
    /** A command job (commandJob.schema.json). */
    public static final Set<String> COMMAND_JOB = Set.of("$schema", "type", "name", "display_name", "experiment_name",
            "description", "tags", "properties", "code", "command", "inputs", "outputs", "environment",
            "environment_variables", "compute", "resources", "distribution", "limits", "identity", "services",
            "queue_settings", "is_deterministic");
    /** A pipeline job (pipelineJob.schema.json). */
    public static final Set<String> PIPELINE_JOB = Set.of("$schema", "type", "name", "display_name", "experiment_name",
            "description", "tags", "properties", "settings", "inputs", "outputs", "jobs", "compute", "identity");
    /** A pipeline's {@code settings}. */
    public static final Set<String> PIPELINE_SETTINGS = Set.of("default_compute", "default_datastore",
            "continue_on_step_failure", "force_rerun", "default_environment", "on_init", "on_finalize",
            "continue_run_on_failed_optional_input");
    /** A step under a pipeline's {@code jobs}: an inline command job, or a component with the step's bindings. */
    public static final Set<String> PIPELINE_STEP = with(COMMAND_JOB, "component");
    /**
     * A command component (commandComponent.schema.json), in its own file or inline under a step; environment_variables
     * as the SDK's component schema takes them.
     */
    public static final Set<String> COMMAND_COMPONENT = Set.of("$schema", "name", "version", "display_name",
            "description", "tags", "type", "code", "command", "environment", "inputs", "outputs", "resources",
            "distribution", "additional_includes", "is_deterministic", "properties", "environment_variables");
    /** An input a component declares. */
    public static final Set<String> COMPONENT_INPUT = Set.of("type", "default", "optional", "description", "min", "max",
            "enum", "mode");
    /** An input given as a mapping. */
    public static final Set<String> INPUT = Set.of("type", "path", "mode", "description", "optional", "default");
    /** An output given as a mapping. */
    public static final Set<String> OUTPUT = Set.of("type", "path", "mode", "description", "name", "version");
    /** An environment, inline in a job or in its own file (environment.schema.json). */
    public static final Set<String> ENVIRONMENT = Set.of("$schema", "name", "version", "description", "tags",
            "image", "conda_file", "build", "os_type", "inference_config", "properties");
    /** A job's {@code distribution}. */
    public static final Set<String> DISTRIBUTION = Set.of("type", "process_count_per_instance", "worker_count",
            "parameter_server_count");
    /** A job's {@code resources}. */
    public static final Set<String> RESOURCES = Set.of("instance_count", "instance_type", "shm_size", "properties",
            "docker_args");

    private JobKeys() {
    }

    private static Set<String> with(Set<String> keys, String more) {
        Set<String> all = new HashSet<>(keys);
        all.add(more);
        return Set.copyOf(all);
    }
}
