package dev.amldebug.runner.pipeline;

import dev.amldebug.runner.spec.CommandParts;
import dev.amldebug.runner.spec.InputMount;
import dev.amldebug.runner.yaml.YamlValue;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Resolves the ${{parent...}} bindings of a step's inputs and outputs against the pipeline and its steps. */
final class Bindings {
    private static final Pattern STEP_OUTPUT = Pattern.compile(
            "\\$\\{\\{\\s*parent\\.jobs\\.([^.\\s}]+)\\.outputs\\.([^.\\s}]+)\\s*}}");
    private static final Pattern PIPELINE_INPUT = Pattern.compile("\\$\\{\\{\\s*parent\\.inputs\\.([^.\\s}]+)\\s*}}");
    private static final Pattern PIPELINE_OUTPUT = Pattern.compile("\\$\\{\\{\\s*parent\\.outputs\\.([^.\\s}]+)\\s*}}");
    private static final Pattern ANY_PARENT = Pattern.compile("\\$\\{\\{\\s*parent\\.");
    private static final Set<String> PATH_TYPES = Set.of("uri_file", "uri_folder");

    /**
     * A step's bindings: its inputs, the first binding to each upstream step, and the pipeline output that each
     * of its outputs is bound to (step output -> pipeline output).
     */
    record Resolved(Map<String, StepInput> inputs, Map<String, YamlValue> upstream, Map<String, String> pipelineOutputs) {
    }

    private final Map<String, StepInput> pipelineInputs;
    private final List<String> pipelineOutputs;
    private final Map<String, List<String>> stepOutputs;
    private final Path baseDir;

    Bindings(Map<String, StepInput> pipelineInputs, List<String> pipelineOutputs, Map<String, List<String>> stepOutputs,
             Path baseDir) {
        this.pipelineInputs = pipelineInputs;
        this.pipelineOutputs = pipelineOutputs;
        this.stepOutputs = stepOutputs;
        this.baseDir = baseDir;
    }

    /** A pipeline-level input: a literal, or a local file or folder. */
    static StepInput declared(String name, YamlValue value, Path baseDir) {
        if (value.isScalar()) {
            return new StepInput.Literal(value.text("input " + name));
        }
        Map<String, YamlValue> parts = value.entries("input " + name, CommandParts.INPUT_KEYS);
        String type = CommandParts.text(parts, "type", "uri_folder");
        if (!PATH_TYPES.contains(type) && parts.containsKey("default")) {
            return new StepInput.Literal(parts.get("default").text("the default of input " + name));
        }
        InputMount mount = CommandParts.pathInput(name, parts, value, baseDir);
        return new StepInput.LocalPath(mount.hostPath(), type);
    }

    Resolved resolve(StepDraft step) {
        Map<String, StepInput> inputs = new LinkedHashMap<>();
        Map<String, YamlValue> upstream = new LinkedHashMap<>();
        step.inputs().forEach((name, value) -> {
            StepInput input = input(name, step.inputTypes().get(name), value);
            if (input instanceof StepInput.StepOutput output) {
                upstream.putIfAbsent(output.step(), value);
            }
            inputs.put(name, input);
        });
        step.inputTypes().keySet().stream().filter(name -> !inputs.containsKey(name)).forEach(name -> {
            if (step.inputDefaults().containsKey(name)) {
                inputs.put(name, new StepInput.Literal(step.inputDefaults().get(name).text("the default of " + name)));
            } else if (!step.optionalInputs().contains(name)) {
                throw step.where().error("step " + step.name() + " gives no value for input '" + name
                        + "' of its component; bind it under inputs:, for example " + name + ": ${{parent.inputs."
                        + name + "}}");
            }
        });
        Map<String, String> outputs = new LinkedHashMap<>();
        step.outputs().forEach((name, value) -> {
            String bound = pipelineOutput(step.name(), name, value);
            if (bound != null) {
                outputs.put(name, bound);
            }
        });
        return new Resolved(inputs, upstream, outputs);
    }

    private StepInput input(String name, String declaredType, YamlValue value) {
        if (!value.isMapping()) {
            return scalar(name, declaredType, value);
        }
        Map<String, YamlValue> parts = value.entries("input " + name, CommandParts.INPUT_KEYS);
        YamlValue path = parts.get("path");
        if (path != null && path.isScalar() && path.text("'path'").contains("${{")) {
            StepInput bound = scalar(name, null, path);
            if (bound instanceof StepInput.Literal) {
                throw path.error("input " + name + " takes a path, but " + path.text("'path'")
                        + " is a literal value; bind it to a path input or a step output");
            }
            return bound;
        }
        return declared(name, value, baseDir);
    }

    private StepInput scalar(String name, String declaredType, YamlValue value) {
        String text = value.text("input " + name);
        Matcher output = STEP_OUTPUT.matcher(text);
        if (output.matches()) {
            return stepOutput(output.group(1), output.group(2), value);
        }
        Matcher input = PIPELINE_INPUT.matcher(text);
        if (input.matches()) {
            return pipelineInput(input.group(1), value);
        }
        if (PIPELINE_OUTPUT.matcher(text).find()) {
            throw value.error("input " + name + " binds to a pipeline output; bind it to the step output instead,"
                    + " ${{parent.jobs.STEP.outputs.NAME}}");
        }
        String literal = embedInputs(text, value);
        if (ANY_PARENT.matcher(literal).find()) {
            throw value.error("input " + name + " holds '" + text + "'; a binding takes the whole value, one of"
                    + " ${{parent.inputs.NAME}} or ${{parent.jobs.STEP.outputs.NAME}}");
        }
        if (declaredType != null && PATH_TYPES.contains(declaredType) && literal.equals(text)) {
            InputMount mount = CommandParts.localPath(name, declaredType, value, baseDir);
            return new StepInput.LocalPath(mount.hostPath(), declaredType);
        }
        return new StepInput.Literal(literal);
    }

    private StepInput stepOutput(String step, String output, YamlValue where) {
        List<String> outputs = stepOutputs.get(step);
        if (outputs == null) {
            throw where.error("there is no step named '" + step + "' under jobs:; the steps are: "
                    + String.join(", ", stepOutputs.keySet()));
        }
        if (!outputs.contains(output)) {
            throw where.error("step " + step + " has no output named '" + output + "'; "
                    + (outputs.isEmpty() ? "it declares no outputs" : "its outputs are: " + String.join(", ", outputs)));
        }
        return new StepInput.StepOutput(step, output);
    }

    private StepInput pipelineInput(String name, YamlValue where) {
        StepInput input = pipelineInputs.get(name);
        if (input == null) {
            throw where.error("the pipeline has no input named '" + name + "'; "
                    + (pipelineInputs.isEmpty() ? "declare it under the pipeline's inputs:"
                    : "its inputs are: " + String.join(", ", pipelineInputs.keySet())));
        }
        return input;
    }

    /** ${{parent.inputs.X}} inside a longer value takes X's literal value, as Azure ML does. */
    private String embedInputs(String text, YamlValue where) {
        Matcher matcher = PIPELINE_INPUT.matcher(text);
        StringBuilder result = new StringBuilder();
        while (matcher.find()) {
            StepInput input = pipelineInput(matcher.group(1), where);
            if (!(input instanceof StepInput.Literal literal)) {
                throw where.error("${{parent.inputs." + matcher.group(1) + "}} is a file or folder, so it must be the"
                        + " whole value of an input");
            }
            matcher.appendReplacement(result, Matcher.quoteReplacement(literal.value()));
        }
        matcher.appendTail(result);
        return result.toString();
    }

    private String pipelineOutput(String step, String output, YamlValue value) {
        if (!value.isScalar() || value.isNull()) {
            return null;
        }
        Matcher matcher = PIPELINE_OUTPUT.matcher(value.text("output " + output));
        if (!matcher.matches()) {
            throw value.error("output " + output + " of step " + step + " takes a mapping ({type: uri_folder}) or a"
                    + " binding to a pipeline output, ${{parent.outputs.NAME}}");
        }
        if (!pipelineOutputs.contains(matcher.group(1))) {
            throw value.error("the pipeline has no output named '" + matcher.group(1) + "'; "
                    + (pipelineOutputs.isEmpty() ? "declare it under the pipeline's outputs:"
                    : "its outputs are: " + String.join(", ", pipelineOutputs)));
        }
        return matcher.group(1);
    }
}
