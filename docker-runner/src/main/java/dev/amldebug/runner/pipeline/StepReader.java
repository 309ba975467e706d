package dev.amldebug.runner.pipeline;

import dev.amldebug.runner.job.JobKeys;
import dev.amldebug.runner.spec.CommandParts;
import dev.amldebug.runner.spec.EnvironmentParser;
import dev.amldebug.runner.spec.EnvironmentSpec;
import dev.amldebug.runner.yaml.YamlFiles;
import dev.amldebug.runner.yaml.YamlValue;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Reads one step under {@code jobs:}: an inline command, or a command component with the step's bindings. */
final class StepReader {
    private static final Set<String> STEP_KEYS = JobKeys.PIPELINE_STEP;
    private static final Set<String> COMPONENT_KEYS = JobKeys.COMMAND_COMPONENT;
    private static final Set<String> DECLARATION_KEYS = Set.of("type", "default", "optional", "description", "min",
            "max", "enum", "mode");
    private static final List<String> FROM_COMPONENT = List.of("code", "command", "environment");

    private final EnvironmentParser environments = new EnvironmentParser();

    StepDraft read(String name, YamlValue value, Path baseDir) {
        Map<String, YamlValue> step = value.entries("step " + name, STEP_KEYS);
        return step.containsKey("component") ? fromComponent(name, value, step, baseDir) : inline(name, value, step, baseDir);
    }

    private StepDraft inline(String name, YamlValue where, Map<String, YamlValue> step, Path baseDir) {
        checkType(step.get("type"), "step " + name);
        YamlValue command = require(step, "command", where, name, "the command to run, for example: python prep.py");
        Path codeDir = CommandParts.codeDir(step.get("code"), baseDir);
        EnvironmentSpec environment = environments.parse(require(step, "environment", where, name,
                "an environment (image: ... or build: ...)"), baseDir);
        return new StepDraft(name, where, CommandParts.text(step, "display_name", name), null, codeDir, command,
                environment, CommandParts.environmentVariables(step.get("environment_variables")), Map.of(), Map.of(),
                Set.of(), mapping(step.get("inputs"), "the inputs of step " + name),
                CommandParts.outputs(step.get("outputs")), mapping(step.get("outputs"), "the outputs of step " + name));
    }

    private StepDraft fromComponent(String name, YamlValue where, Map<String, YamlValue> step, Path baseDir) {
        for (String key : FROM_COMPONENT) {
            if (step.containsKey(key)) {
                throw step.get(key).error("step " + name + " takes its " + key + " from its component; remove '" + key
                        + "' here, or drop 'component' and write the step inline");
            }
        }
        checkType(step.get("type"), "step " + name);
        YamlValue component = step.get("component");
        Path file = component.isMapping() ? null : componentFile(component, baseDir);
        YamlValue definition = file == null ? component : YamlFiles.read(file);
        Path componentDir = file == null ? baseDir : file.getParent();
        Map<String, YamlValue> parts = definition.entries("a command component", COMPONENT_KEYS);
        checkType(parts.get("type"), "the component of step " + name);
        Map<String, String> types = new LinkedHashMap<>();
        Map<String, YamlValue> defaults = new LinkedHashMap<>();
        Set<String> optional = new HashSet<>();
        declarations(parts.get("inputs"), types, defaults, optional);
        Map<String, YamlValue> inputs = mapping(step.get("inputs"), "the inputs of step " + name);
        Map<String, YamlValue> outputs = mapping(step.get("outputs"), "the outputs of step " + name);
        List<String> outputNames = CommandParts.outputs(parts.get("outputs"));
        checkDeclared(name, inputs, types.keySet(), "inputs", file);
        checkDeclared(name, outputs, outputNames, "outputs", file);
        String displayName = CommandParts.text(step, "display_name", CommandParts.text(parts, "display_name", name));
        return new StepDraft(name, where, displayName, file, CommandParts.codeDir(parts.get("code"), componentDir),
                require(parts, "command", definition, name, "the command to run"),
                environments.parse(require(parts, "environment", definition, name, "an environment"), componentDir),
                CommandParts.environmentVariables(step.get("environment_variables")), types, defaults, optional,
                inputs, outputNames, outputs);
    }

    private static Path componentFile(YamlValue component, Path baseDir) {
        String text = component.text("'component'");
        if (text.startsWith("azureml:") || text.contains("://")) {
            throw component.error("'" + text + "' is a component registered in Azure ML, which a local run cannot read;"
                    + " give the component's YAML file instead, for example component: ./train.yml");
        }
        Path file = baseDir.resolve(text.startsWith("file:") ? text.substring("file:".length()) : text).normalize();
        if (!Files.isRegularFile(file)) {
            throw component.error("component file " + file + " does not exist");
        }
        return file;
    }

    private static void declarations(YamlValue inputs, Map<String, String> types, Map<String, YamlValue> defaults,
                                     Set<String> optional) {
        mapping(inputs, "the component's inputs").forEach((input, declaration) -> {
            Map<String, YamlValue> parts = declaration.entries("input " + input, DECLARATION_KEYS);
            types.put(input, CommandParts.text(parts, "type", "string"));
            if (parts.containsKey("default")) {
                defaults.put(input, parts.get("default"));
            }
            if (parts.containsKey("optional") && parts.get("optional").bool("'optional'")) {
                optional.add(input);
            }
        });
    }

    private static void checkDeclared(String step, Map<String, YamlValue> given, java.util.Collection<String> declared,
                                      String what, Path file) {
        given.forEach((key, value) -> {
            if (!declared.contains(key)) {
                throw value.error("step " + step + " gives " + what + " '" + key + "', which its component "
                        + (file == null ? "" : file.getFileName() + " ") + "does not declare; it declares: "
                        + (declared.isEmpty() ? "none" : String.join(", ", declared)));
            }
        });
    }

    private static void checkType(YamlValue type, String what) {
        if (type != null && !"command".equals(type.text("'type'"))) {
            throw type.error(what + " has type " + type.text("'type'") + "; local pipelines run command steps"
                    + " (type: command, inline or as component: ./component.yml)");
        }
    }

    private static YamlValue require(Map<String, YamlValue> entries, String key, YamlValue where, String step,
                                     String what) {
        YamlValue value = entries.get(key);
        if (value == null) {
            throw where.error("step " + step + " has no '" + key + "': give it " + what);
        }
        return value;
    }

    private static Map<String, YamlValue> mapping(YamlValue value, String what) {
        return value == null || value.isNull() ? Map.of() : value.entries(what);
    }
}
