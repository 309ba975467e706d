package dev.amldebug.runner.pipeline;

import dev.amldebug.runner.job.CommandComponent;
import dev.amldebug.runner.job.CommandJob;
import dev.amldebug.runner.job.JobEnvironment;
import dev.amldebug.runner.job.JobReader;
import dev.amldebug.runner.job.JobStep;
import dev.amldebug.runner.spec.CommandParts;
import dev.amldebug.runner.spec.EnvironmentParser;
import dev.amldebug.runner.spec.EnvironmentSpec;
import dev.amldebug.runner.yaml.SpecException;
import dev.amldebug.runner.yaml.YamlValue;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * One step under {@code jobs:} for a local run, from the job model ({@link JobReader#readStep}): an inline command, or
 * a command component with the step's bindings.
 */
final class StepReader {
    private final JobReader reader = new JobReader();
    private final EnvironmentParser environments = new EnvironmentParser();

    StepDraft read(String name, YamlValue value, Path baseDir) {
        JobStep step = reader.readStep(name, value, component -> componentFile(component, baseDir));
        checkType(step.job().type(), "step " + name);
        return step.isInline() ? inline(step, value) : fromComponent(step, value);
    }

    private StepDraft inline(JobStep step, YamlValue where) {
        CommandJob job = step.job();
        String name = step.name();
        YamlValue command = require(job.command(), "command", where, name, "the command to run, for example: python prep.py");
        Path codeDir = CommandParts.codeDir(job.code(), job.baseDir());
        EnvironmentSpec environment = environment(job.environment(), where, name, "an environment (image: ... or build: ...)",
                job.baseDir());
        Map<String, YamlValue> outputs = at(job.outputs(), output -> output.at());
        return new StepDraft(name, where, text(job.displayName(), "display_name", name), null, codeDir, command,
                environment, variables(job.environmentVariables()), Map.of(), Map.of(), Set.of(),
                at(job.inputs(), input -> input.at()), List.copyOf(outputs.keySet()), outputs);
    }

    private StepDraft fromComponent(JobStep step, YamlValue where) {
        CommandJob job = step.job();
        CommandComponent component = step.component();
        String name = step.name();
        checkType(component.type(), "the component of step " + name);
        Map<String, String> types = new LinkedHashMap<>();
        Map<String, YamlValue> defaults = new LinkedHashMap<>();
        Set<String> optional = new HashSet<>();
        component.inputs().forEach((input, declaration) -> {
            types.put(input, text(declaration.type(), "type", "string"));
            if (declaration.defaultValue() != null) {
                defaults.put(input, declaration.defaultValue());
            }
            if (declaration.optional() != null && declaration.optional().bool("'optional'")) {
                optional.add(input);
            }
        });
        Map<String, YamlValue> inputs = at(job.inputs(), input -> input.at());
        Map<String, YamlValue> outputs = at(job.outputs(), output -> output.at());
        List<String> outputNames = List.copyOf(component.outputs().keySet());
        checkDeclared(name, inputs, types.keySet(), "inputs", component.file());
        checkDeclared(name, outputs, outputNames, "outputs", component.file());
        String displayName = text(job.displayName(), "display_name", text(component.displayName(), "display_name", name));
        // The step's own variables win over its component's.
        Map<String, String> variables = new LinkedHashMap<>(variables(component.environmentVariables()));
        variables.putAll(variables(job.environmentVariables()));
        return new StepDraft(name, where, displayName, component.file(),
                CommandParts.codeDir(component.code(), component.baseDir()),
                require(component.command(), "command", component.at(), name, "the command to run"),
                environment(component.environment(), component.at(), name, "an environment", component.baseDir()),
                variables, types, defaults, optional, inputs, outputNames, outputs);
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

    private static void checkDeclared(String step, Map<String, YamlValue> given, Collection<String> declared,
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

    private EnvironmentSpec environment(JobEnvironment environment, YamlValue where, String step, String what,
                                        Path baseDir) {
        if (environment == null) {
            throw missing(where, step, "environment", what);
        }
        return environments.parse(environment, baseDir);
    }

    private static YamlValue require(YamlValue value, String key, YamlValue where, String step, String what) {
        if (value == null) {
            throw missing(where, step, key, what);
        }
        return value;
    }

    private static SpecException missing(YamlValue where, String step, String key, String what) {
        return where.error("step " + step + " has no '" + key + "': give it " + what);
    }

    private static String text(YamlValue value, String key, String fallback) {
        return value == null ? fallback : value.text("'" + key + "'");
    }

    private static Map<String, String> variables(Map<String, String> variables) {
        return variables == null ? Map.of() : variables;
    }

    /** Each port's value as written, for the bindings to resolve; none when the step has none. */
    private static <T> Map<String, YamlValue> at(Map<String, T> ports, Function<T, YamlValue> value) {
        Map<String, YamlValue> result = new LinkedHashMap<>();
        if (ports != null) {
            ports.forEach((name, port) -> result.put(name, value.apply(port)));
        }
        return result;
    }
}
