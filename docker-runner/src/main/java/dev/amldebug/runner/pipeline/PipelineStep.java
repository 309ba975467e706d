package dev.amldebug.runner.pipeline;

import dev.amldebug.runner.spec.CommandParts;
import dev.amldebug.runner.spec.ContainerPaths;
import dev.amldebug.runner.spec.EnvironmentSpec;
import dev.amldebug.runner.spec.InputMount;
import dev.amldebug.runner.spec.RunSpec;
import dev.amldebug.runner.yaml.SpecException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.BiFunction;
import java.util.function.Function;

/**
 * One step of a pipeline: a command job of its own once its inputs are known. {@code command} is as
 * written (${{inputs.X}} and ${{outputs.Y}} still in it); {@code componentFile} is the component YAML
 * it came from, or null for an inline step; {@code dependsOn} names the steps whose outputs it binds to;
 * {@code source} is the YAML file the step's command stands in (the component file or the pipeline).
 */
public record PipelineStep(String name,
                           String displayName,
                           Path componentFile,
                           Path codeDir,
                           String command,
                           EnvironmentSpec environment,
                           Map<String, String> environmentVariables,
                           Map<String, StepInput> inputs,
                           List<String> outputNames,
                           Set<String> dependsOn,
                           Path source) {

    public PipelineStep {
        environmentVariables = Collections.unmodifiableMap(new LinkedHashMap<>(environmentVariables));
        inputs = Collections.unmodifiableMap(new LinkedHashMap<>(inputs));
        outputNames = List.copyOf(outputNames);
        dependsOn = Collections.unmodifiableSet(new LinkedHashSet<>(dependsOn));
    }

    /**
     * The step as a local run: ${{inputs.X}} becomes a literal's value or the container path of X (a file or
     * folder mounted read-only under {@link ContainerPaths#INPUTS}), ${{outputs.Y}} becomes
     * {@link ContainerPaths#OUTPUTS} + "/" + Y.
     * @param upstreamOutputs the host folder of each bound step output: (step, output) -> folder
     */
    public RunSpec runSpec(BiFunction<String, String, Path> upstreamOutputs, String experimentName) {
        Map<String, String> values = new LinkedHashMap<>();
        List<InputMount> mounts = new ArrayList<>();
        inputs.forEach((input, bound) -> {
            if (bound instanceof StepInput.Literal literal) {
                values.put(input, literal.value());
                return;
            }
            InputMount mount = bound instanceof StepInput.LocalPath local
                    ? CommandParts.mount(input, local.path(), local.type())
                    : upstreamMount(input, (StepInput.StepOutput) bound, upstreamOutputs);
            mounts.add(mount);
            values.put(input, mount.containerPath());
        });
        String resolved = CommandParts.substitute(command, values, outputNames,
                message -> new SpecException(source, "step " + name + ": " + message));
        return new RunSpec(source, codeDir, List.of("/bin/sh", "-c", resolved), mounts, outputNames, environment,
                environmentVariables, experimentName, displayName, null);
    }

    private static InputMount upstreamMount(String input, StepInput.StepOutput output,
                                            BiFunction<String, String, Path> upstreamOutputs) {
        Path folder = Objects.requireNonNull(upstreamOutputs.apply(output.step(), output.output()),
                () -> "no host folder given for " + output.step() + "." + output.output());
        return new InputMount(input, folder, ContainerPaths.input(input, null));
    }

    /**
     * What Azure ML's reuse rule hashes: the code folder's files (as the snapshot takes them), the command,
     * the environment, the environment variables, the outputs' names and the inputs (literals, local files'
     * bytes, and the keys of the upstream steps, from {@code upstreamStepKeys}). A hex SHA-256.
     */
    public String reuseKey(Function<String, String> upstreamStepKeys) {
        return ReuseKeys.of(this, upstreamStepKeys);
    }
}
