package dev.amldebug.runner.spec;

import dev.amldebug.runner.yaml.YamlFiles;
import dev.amldebug.runner.yaml.YamlValue;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Reads an Azure ML v1 {@code .runconfig} YAML into a {@link RunSpec} for a local run. */
public final class RunConfigParser {
    public static final Set<String> KEYS = Set.of("script", "arguments", "target", "framework", "communicator",
            "maxRunDurationSeconds", "nodeCount", "priority", "environment", "history", "spark", "hdi", "tensorflow",
            "mpi", "pyTorch", "paralleltask", "dataReferences", "data", "outputData", "datacaches",
            "sourceDirectoryDataStore", "amlcompute", "kubernetescompute", "credentialPassthrough", "command",
            "docker", "instanceTypes", "environmentVariables", "services", "autoPrepareEnvironment");
    public static final Set<String> ENVIRONMENT_KEYS = Set.of("name", "version", "environmentVariables", "python",
            "docker", "spark", "r", "inferencingStackVersion", "assetId", "databricks");
    public static final Set<String> PYTHON_KEYS = Set.of("userManagedDependencies", "interpreterPath",
            "condaDependenciesFile", "condaDependencies", "baseCondaEnvironment");
    public static final Set<String> DOCKER_KEYS = Set.of("enabled", "baseImage", "platform", "baseDockerfile",
            "sharedVolumes", "shmSize", "arguments", "baseImageRegistry", "buildContext", "gpuSupport");

    private final String defaultImage;

    public RunConfigParser(String defaultImage) {
        this.defaultImage = defaultImage;
    }

    public RunSpec parse(Path file, EnvironmentSpec environmentOverride) {
        return parse(YamlFiles.read(file.toAbsolutePath().normalize()), environmentOverride);
    }

    /** A run configuration already read, such as an editor's unsaved text; its file anchors relative paths. */
    public RunSpec parse(YamlValue root, EnvironmentSpec environmentOverride) {
        Path runconfig = root.file().toAbsolutePath().normalize();
        Map<String, YamlValue> config = root.entries("a run configuration", KEYS);
        Path codeDir = codeDir(runconfig);
        YamlValue script = config.get("script");
        if (script == null) {
            throw root.error("missing 'script': the run configuration needs the script to run, for example: train.py");
        }
        String scriptName = script.text("'script'");
        if (!Files.isRegularFile(codeDir.resolve(scriptName))) {
            throw script.error("script " + codeDir.resolve(scriptName).normalize()
                    + " does not exist in the code folder " + codeDir);
        }
        Map<String, YamlValue> environment = config.containsKey("environment")
                ? config.get("environment").entries("'environment'", ENVIRONMENT_KEYS) : Map.of();
        Map<String, YamlValue> python = section(environment, "python", PYTHON_KEYS);
        // Without interpreterPath, the image's Python, found as Azure ML's "python" would be.
        List<String> command = new ArrayList<>(python.containsKey("interpreterPath")
                ? List.of(python.get("interpreterPath").text("'interpreterPath'"), scriptName)
                : ImagePython.command(scriptName));
        if (config.containsKey("arguments")) {
            config.get("arguments").items("'arguments'").forEach(arg -> command.add(arg.text("an argument")));
        }
        Map<String, String> variables = new LinkedHashMap<>();
        putVariables(variables, environment.get("environmentVariables"));
        putVariables(variables, config.get("environmentVariables"));
        Map<String, YamlValue> docker = section(environment, "docker", DOCKER_KEYS);
        EnvironmentSpec env = environmentOverride != null ? environmentOverride : environment(docker, python, codeDir);
        YamlValue shm = docker.get("shmSize");
        return new RunSpec(runconfig, codeDir, command, List.of(), List.of(), env, variables,
                ExperimentNames.fromFolder(codeDir.getFileName().toString()), null, null,
                shm == null || shm.isNull() ? ShmSize.DEFAULT_BYTES : ShmSize.parse(shm, "shmSize"),
                docker.containsKey("gpuSupport") && docker.get("gpuSupport").bool("'gpuSupport'"));
    }

    /** A run configuration in {@code <project>/.azureml/} or {@code aml_config/} runs the project folder. */
    private static Path codeDir(Path runconfig) {
        Path dir = runconfig.getParent();
        String name = dir.getFileName().toString();
        return (name.equals(".azureml") || name.equals("aml_config")) ? dir.getParent() : dir;
    }

    private EnvironmentSpec environment(Map<String, YamlValue> docker, Map<String, YamlValue> python, Path codeDir) {
        YamlValue baseImage = docker.get("baseImage");
        String image = baseImage == null || baseImage.isNull() ? defaultImage : baseImage.text("'baseImage'");
        boolean userManaged = python.containsKey("userManagedDependencies")
                && python.get("userManagedDependencies").bool("'userManagedDependencies'");
        if (userManaged) {
            return EnvironmentSpec.ofImage(image);
        }
        YamlValue inline = python.get("condaDependencies");
        if (inline != null && !inline.isNull()) {
            inline.entries("'condaDependencies'");
            return EnvironmentSpec.ofImage(image, inline.toYamlText());
        }
        YamlValue condaFile = python.get("condaDependenciesFile");
        if (condaFile != null && !condaFile.isNull()) {
            Path path = codeDir.resolve(condaFile.text("'condaDependenciesFile'")).normalize();
            if (!Files.isRegularFile(path)) {
                throw condaFile.error("conda file " + path + " does not exist");
            }
            return EnvironmentSpec.ofImage(image, YamlFiles.text(path));
        }
        return EnvironmentSpec.ofImage(image);
    }

    private static Map<String, YamlValue> section(Map<String, YamlValue> parent, String key, Set<String> allowed) {
        YamlValue value = parent.get(key);
        return value == null || value.isNull() ? Map.of() : value.entries("'" + key + "'", allowed);
    }

    private static void putVariables(Map<String, String> target, YamlValue value) {
        if (value != null && !value.isNull()) {
            target.putAll(value.textMap("'environmentVariables'"));
        }
    }
}
