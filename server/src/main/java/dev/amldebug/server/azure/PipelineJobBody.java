package dev.amldebug.server.azure;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.amldebug.azure.config.WorkspaceId;
import dev.amldebug.runner.job.JobKeys;
import dev.amldebug.runner.job.JobReader;
import dev.amldebug.runner.yaml.YamlFiles;
import dev.amldebug.runner.yaml.YamlValue;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.List;

/**
 * An Azure ML v2 pipeline job YAML turned into the body of Jobs_CreateOrUpdate, as the SDK turns it: each step, read
 * by the job model ({@link JobReader#readStep}: inline, or from its {@code component: ./x.yml} or an inline component),
 * first registered as an anonymous command component (its code uploaded, an
 * inline environment made an anonymous environment version), then a node of the pipeline that references it by
 * {@code componentId} ({@link StepBody}); bindings ({@code ${{parent...}}}) are kept as written, for the service to resolve.
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
    public static List<String> stepNames(Path pipelineFile) {
        YamlValue jobs = YamlFiles.read(pipelineFile).entries("a pipeline job", KEYS).get("jobs");
        return jobs == null ? List.of() : List.copyOf(jobs.entries("'jobs'").keySet());
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
        StepBody stepBody = new StepBody(pipelineFile, uploads, debug, workspace, computeId,
                new StepPorts(pipeline.get("inputs"), pipeline.get("outputs")));
        jobs.entries("'jobs'").forEach((name, step) -> restJobs.set(name, stepBody.node(name, step, steps)));
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

    private static void putIfPresent(ObjectNode node, String name, String value) {
        if (value != null) {
            node.put(name, value);
        }
    }
}
