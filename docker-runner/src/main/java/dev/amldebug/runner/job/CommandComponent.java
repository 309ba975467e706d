package dev.amldebug.runner.job;

import dev.amldebug.runner.yaml.YamlValue;
import java.nio.file.Path;
import java.util.Map;

/**
 * A command component as written, in its own file or inline under a step's {@code component:}, read by
 * {@link JobReader#readComponent}. Its inputs and outputs are declarations, empty when it declares none; an absent
 * key is null, so are absent environment variables.
 *
 * @param file    the component's file, or null for an inline component
 * @param baseDir the folder its relative paths ({@code code}, a conda file) resolve against
 * @param at      the component's mapping, where an error about a missing key points
 */
public record CommandComponent(
        Path file,
        Path baseDir,
        YamlValue at,
        YamlValue type,
        YamlValue code,
        YamlValue command,
        JobEnvironment environment,
        Map<String, ComponentInput> inputs,
        Map<String, JobOutput> outputs,
        Map<String, String> environmentVariables,
        YamlValue displayName,
        YamlValue description,
        YamlValue isDeterministic,
        JobResources resources,
        JobDistribution distribution) {

    /** The local folder {@code code} names; {@link #baseDir} when it names none or an {@code azureml:} asset. */
    public Path codeDir() {
        return CommandJob.codeDir(code, baseDir);
    }
}
