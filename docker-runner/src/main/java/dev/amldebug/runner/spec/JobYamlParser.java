package dev.amldebug.runner.spec;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Reads an Azure ML v2 command job YAML into a {@link RunSpec} for a local run. */
public final class JobYamlParser {
    /** The keys of a command job; pipeline steps take the same. */
    public static final Set<String> KEYS = JobKeys.COMMAND_JOB;

    private final EnvironmentParser environments = new EnvironmentParser();

    /** @param environmentOverride replaces the job's environment (from {@code --env}); may be null */
    public RunSpec parse(Path file, EnvironmentSpec environmentOverride) {
        Path jobFile = file.toAbsolutePath().normalize();
        Path baseDir = jobFile.getParent();
        YamlValue root = YamlFiles.read(jobFile);
        Map<String, YamlValue> job = root.entries("a command job", KEYS);
        checkType(job.get("type"));
        Path codeDir = CommandParts.codeDir(job.get("code"), baseDir);
        YamlValue commandValue = CommandParts.require(job, "command", root,
                "the command to run, for example: python train.py");
        Map<String, String> inputValues = new LinkedHashMap<>();
        List<InputMount> mounts = new ArrayList<>();
        readInputs(job.get("inputs"), baseDir, inputValues, mounts);
        List<String> outputs = CommandParts.outputs(job.get("outputs"));
        String command = CommandParts.substitute(commandValue, inputValues, outputs);
        CommandParts.checkScript(commandValue, command, codeDir);
        EnvironmentSpec environment = environmentOverride != null ? environmentOverride
                : environments.parse(CommandParts.require(job, "environment", root,
                        "an environment (image: ... or build: ...)"), baseDir);
        return new RunSpec(jobFile, codeDir, List.of("/bin/sh", "-c", command), mounts, outputs, environment,
                CommandParts.environmentVariables(job.get("environment_variables")),
                CommandParts.experimentName(job.get("experiment_name"), baseDir),
                CommandParts.text(job, "display_name", null),
                new DistributionParser().parse(job.get("distribution"), job.get("resources")),
                shmSize(job.get("resources")), Gpus.asked(job.get("resources")));
    }

    private static long shmSize(YamlValue resources) {
        YamlValue shm = resources == null ? null : resources.entries("'resources'").get("shm_size");
        return shm == null ? ShmSize.DEFAULT_BYTES : ShmSize.parse(shm, "shm_size");
    }

    private static void checkType(YamlValue type) {
        if (type != null && !"command".equals(type.text("'type'"))) {
            throw type.error("only command jobs run locally (type: command), found type: " + type.text("'type'")
                    + ". Run a pipeline's steps one at a time, each as its own command job");
        }
    }

    private static void readInputs(YamlValue inputs, Path baseDir, Map<String, String> values, List<InputMount> mounts) {
        if (inputs == null) {
            return;
        }
        for (Map.Entry<String, YamlValue> input : inputs.entries("'inputs'").entrySet()) {
            String name = input.getKey();
            YamlValue value = input.getValue();
            if (value.isScalar()) {
                values.put(name, value.text("input " + name));
                continue;
            }
            InputMount mount = CommandParts.pathInput(name, value.entries("input " + name, CommandParts.INPUT_KEYS),
                    value, baseDir);
            mounts.add(mount);
            values.put(name, mount.containerPath());
        }
    }
}
