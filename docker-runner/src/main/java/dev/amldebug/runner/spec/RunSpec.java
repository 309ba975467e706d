package dev.amldebug.runner.spec;

import dev.amldebug.runner.yaml.SpecException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * Everything a local run needs, whatever file it was read from (v2 job YAML, v1 .runconfig,
 * or a bare script). {@code command} is the argv run in the container's working directory.
 * {@code distribution} is null for a run of one process in one container.
 */
public record RunSpec(
        Path source,
        Path codeDir,
        List<String> command,
        List<InputMount> inputs,
        List<String> outputNames,
        EnvironmentSpec environment,
        Map<String, String> environmentVariables,
        String experimentName,
        String displayName,
        Distribution distribution,
        long shmSizeBytes,
        boolean gpus) {

    public RunSpec {
        if (CodeFolders.refusal(codeDir) != null) {
            throw new SpecException(source, CodeFolders.refusal(codeDir));
        }
    }

    /** With Azure ML's default /dev/shm ({@link ShmSize#DEFAULT_BYTES}) and no GPUs. */
    public RunSpec(Path source, Path codeDir, List<String> command, List<InputMount> inputs, List<String> outputNames,
                   EnvironmentSpec environment, Map<String, String> environmentVariables, String experimentName,
                   String displayName, Distribution distribution) {
        this(source, codeDir, command, inputs, outputNames, environment, environmentVariables, experimentName,
                displayName, distribution, ShmSize.DEFAULT_BYTES, false);
    }

    public RunSpec withEnvironment(EnvironmentSpec replacement) {
        return new RunSpec(source, codeDir, command, inputs, outputNames, replacement,
                environmentVariables, experimentName, displayName, distribution, shmSizeBytes, gpus);
    }

    public boolean isDistributed() {
        return distribution != null;
    }

    /** @throws dev.amldebug.errors.AmlDebugException when {@code name} is no Azure ML experiment name */
    public RunSpec withExperimentName(String name) {
        return new RunSpec(source, codeDir, command, inputs, outputNames, environment,
                environmentVariables, ExperimentNames.check(name), displayName, distribution, shmSizeBytes, gpus);
    }
}
