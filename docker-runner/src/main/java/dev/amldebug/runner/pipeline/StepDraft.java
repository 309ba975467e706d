package dev.amldebug.runner.pipeline;

import dev.amldebug.runner.spec.EnvironmentSpec;
import dev.amldebug.runner.yaml.YamlValue;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A step as declared, before its bindings are resolved. {@code inputTypes} holds a component's declared
 * input types (empty for an inline step), {@code inputDefaults} and {@code optionalInputs} its defaults and
 * optional inputs;
 * {@code inputs} and {@code outputs} the step's own {@code inputs:} / {@code outputs:} values.
 */
record StepDraft(String name, YamlValue where, String displayName, Path componentFile, Path codeDir,
                 YamlValue command, EnvironmentSpec environment, Map<String, String> environmentVariables,
                 Map<String, String> inputTypes, Map<String, YamlValue> inputDefaults, Set<String> optionalInputs,
                 Map<String, YamlValue> inputs,
                 List<String> outputNames, Map<String, YamlValue> outputs) {
}
