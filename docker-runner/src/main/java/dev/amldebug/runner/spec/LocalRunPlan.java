package dev.amldebug.runner.spec;

import dev.amldebug.runner.yaml.YamlValue;
import dev.amldebug.runner.job.CommandJob;
import dev.amldebug.runner.job.JobEnvironment;
import dev.amldebug.runner.job.JobInput;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A {@link CommandJob} rendered as a local run: inputs mounted and substituted into the command, the environment made
 * an {@link EnvironmentSpec}. What only Azure ML can use (a workspace's environment or data, a remote code asset) is
 * refused with the way forward; what does not apply on this machine (compute, identity, limits, services) is left out.
 */
final class LocalRunPlan {
    private final EnvironmentParser environments = new EnvironmentParser();

    /** @param environmentOverride replaces the job's environment (from {@code --env}); may be null */
    RunSpec render(CommandJob job, EnvironmentSpec environmentOverride) {
        checkType(job.type());
        Path baseDir = job.baseDir();
        Path codeDir = CommandParts.codeDir(job.code(), baseDir);
        YamlValue commandValue = CommandParts.require(job.command(), "command", job.root(),
                "the command to run, for example: python train.py");
        Map<String, String> inputValues = new LinkedHashMap<>();
        List<InputMount> mounts = new ArrayList<>();
        readInputs(job.inputs(), baseDir, inputValues, mounts);
        List<String> outputs = job.outputs() == null ? List.of() : List.copyOf(job.outputs().keySet());
        String command = CommandParts.substitute(commandValue, inputValues, outputs);
        CommandParts.checkScript(commandValue, command, codeDir);
        EnvironmentSpec environment = environmentOverride != null ? environmentOverride
                : environments.parse(requireEnvironment(job), baseDir);
        return new RunSpec(job.source(), codeDir, List.of("/bin/sh", "-c", command), mounts, outputs, environment,
                job.environmentVariables() == null ? Map.of() : job.environmentVariables(),
                CommandParts.experimentName(job.experimentName(), baseDir),
                job.displayName() == null ? null : job.displayName().text("'display_name'"),
                new DistributionParser().parse(job.distribution(), job.resources()),
                shmSize(job), Gpus.asked(job.resources()));
    }

    private static JobEnvironment requireEnvironment(CommandJob job) {
        CommandParts.require(job.environment() == null ? null : job.environment().at(), "environment", job.root(),
                "an environment (image: ... or build: ...)");
        return job.environment();
    }

    private static long shmSize(CommandJob job) {
        YamlValue shm = job.resources() == null ? null : job.resources().shmSize();
        return shm == null ? ShmSize.DEFAULT_BYTES : ShmSize.parse(shm, "shm_size");
    }

    private static void checkType(YamlValue type) {
        if (type != null && !"command".equals(type.text("'type'"))) {
            throw type.error("only command jobs run locally (type: command), found type: " + type.text("'type'")
                    + ". Run a pipeline's steps one at a time, each as its own command job");
        }
    }

    private static void readInputs(Map<String, JobInput> inputs, Path baseDir, Map<String, String> values,
                                   List<InputMount> mounts) {
        if (inputs == null) {
            return;
        }
        for (JobInput input : inputs.values()) {
            if (input.kind() == JobInput.Kind.LITERAL) {
                values.put(input.name(), input.value());
                continue;
            }
            InputMount mount = CommandParts.pathInput(input.name(), input.type(), input.path(), input.at(), baseDir);
            mounts.add(mount);
            values.put(input.name(), mount.containerPath());
        }
    }
}
