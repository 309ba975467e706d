package dev.amldebug.runner.pipeline;

import dev.amldebug.runner.job.JobKeys;
import dev.amldebug.runner.spec.CommandParts;
import dev.amldebug.runner.spec.ContainerPaths;
import dev.amldebug.runner.yaml.YamlFiles;
import dev.amldebug.runner.yaml.YamlValue;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads an Azure ML v2 pipeline job ({@code type: pipeline}) for a local run: its steps (inline command
 * steps and command components), their bindings, and the settings that mean something locally. Keys that
 * mean nothing locally (compute, tags, default_datastore...) are accepted; unknown keys are errors.
 */
public final class PipelineYamlParser {
    private static final Set<String> KEYS = JobKeys.PIPELINE_JOB;
    private static final Set<String> SETTINGS_KEYS = JobKeys.PIPELINE_SETTINGS;

    private final StepReader steps = new StepReader();

    public PipelineSpec parse(Path file) {
        return parse(YamlFiles.read(file.toAbsolutePath().normalize()));
    }

    /** A pipeline document already read, such as an editor's unsaved text; its file anchors relative paths. */
    public PipelineSpec parse(YamlValue root) {
        Path pipelineFile = root.file().toAbsolutePath().normalize();
        Path baseDir = pipelineFile.getParent();
        Map<String, YamlValue> pipeline = root.entries("a pipeline job", KEYS);
        checkType(pipeline.get("type"), root);
        Map<String, YamlValue> settings = pipeline.containsKey("settings")
                ? pipeline.get("settings").entries("'settings'", SETTINGS_KEYS) : Map.of();
        Map<String, StepInput> inputs = new LinkedHashMap<>();
        if (pipeline.containsKey("inputs")) {
            pipeline.get("inputs").entries("the pipeline's inputs")
                    .forEach((name, value) -> inputs.put(name, Bindings.declared(name, value, baseDir)));
        }
        Map<String, StepDraft> drafts = readSteps(pipeline, root, baseDir);
        Map<String, List<String>> stepOutputs = new LinkedHashMap<>();
        drafts.forEach((name, draft) -> stepOutputs.put(name, draft.outputNames()));
        Bindings bindings = new Bindings(inputs, CommandParts.outputs(pipeline.get("outputs")), stepOutputs, baseDir);
        Map<String, Bindings.Resolved> resolved = new LinkedHashMap<>();
        Map<String, String> outputs = new LinkedHashMap<>();
        drafts.forEach((name, draft) -> resolved.put(name, bind(draft, bindings, outputs)));
        Map<String, Map<String, YamlValue>> upstream = new LinkedHashMap<>();
        resolved.forEach((name, bound) -> upstream.put(name, bound.upstream()));
        List<PipelineStep> ordered = new ArrayList<>();
        for (String name : StepOrder.sort(upstream)) {
            ordered.add(step(drafts.get(name), resolved.get(name), pipelineFile));
        }
        Map<String, String> literals = new LinkedHashMap<>();
        inputs.forEach((name, input) -> {
            if (input instanceof StepInput.Literal literal) {
                literals.put(name, literal.value());
            }
        });
        return new PipelineSpec(pipelineFile, CommandParts.experimentName(pipeline.get("experiment_name"), baseDir),
                CommandParts.text(pipeline, "display_name", null), literals, outputs,
                flag(settings, "continue_on_step_failure"), flag(settings, "force_rerun"),
                CommandParts.text(settings, "default_compute", null), ordered);
    }

    private Map<String, StepDraft> readSteps(Map<String, YamlValue> pipeline, YamlValue root, Path baseDir) {
        YamlValue jobs = pipeline.get("jobs");
        if (jobs == null) {
            throw root.error("missing 'jobs': a pipeline needs its steps under jobs:, each a command step"
                    + " (type: command) or a component (component: ./train.yml)");
        }
        Map<String, YamlValue> entries = jobs.entries("'jobs'");
        if (entries.isEmpty()) {
            throw jobs.error("'jobs' is empty; a pipeline needs at least one step");
        }
        Map<String, StepDraft> drafts = new LinkedHashMap<>();
        entries.forEach((name, value) -> drafts.put(name, steps.read(name, value, baseDir)));
        return drafts;
    }

    /** Resolves a step's bindings; its ${{parent.outputs.Z}} go into {@code outputs} as Z -> "step.output". */
    private static Bindings.Resolved bind(StepDraft draft, Bindings bindings, Map<String, String> outputs) {
        Bindings.Resolved bound = bindings.resolve(draft);
        bound.pipelineOutputs().forEach((output, pipelineOutput) -> {
            String previous = outputs.putIfAbsent(pipelineOutput, draft.name() + "." + output);
            if (previous != null) {
                throw draft.outputs().get(output).error("pipeline output " + pipelineOutput + " is already bound to " + previous
                        + "; bind each pipeline output to one step output");
            }
        });
        Map<String, String> checkValues = new LinkedHashMap<>();
        bound.inputs().keySet().forEach(name -> checkValues.put(name, ContainerPaths.input(name, null)));
        String command = CommandParts.substitute(draft.command(), checkValues, draft.outputNames());
        CommandParts.checkScript(draft.command(), command, draft.codeDir());
        return bound;
    }

    private static PipelineStep step(StepDraft draft, Bindings.Resolved bound, Path pipelineFile) {
        return new PipelineStep(draft.name(), draft.displayName(), draft.componentFile(), draft.codeDir(),
                draft.command().text("'command'"), draft.environment(), draft.environmentVariables(), bound.inputs(),
                draft.outputNames(), bound.upstream().keySet(),
                draft.componentFile() != null ? draft.componentFile() : pipelineFile);
    }

    private static void checkType(YamlValue type, YamlValue root) {
        if (type == null) {
            throw root.error("missing 'type': a pipeline job says type: pipeline");
        }
        if (!"pipeline".equals(type.text("'type'"))) {
            throw type.error("expected type: pipeline, found type: " + type.text("'type'")
                    + "; run a command job with aml-debug run JOB.yml");
        }
    }

    private static boolean flag(Map<String, YamlValue> settings, String key) {
        return settings.containsKey(key) && settings.get(key).bool("'" + key + "'");
    }
}
