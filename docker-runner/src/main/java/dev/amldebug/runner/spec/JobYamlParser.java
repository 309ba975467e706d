package dev.amldebug.runner.spec;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reads an Azure ML v2 command job YAML into a {@link RunSpec} for a local run. */
public final class JobYamlParser {
    private static final Set<String> KEYS = Set.of("$schema", "type", "name", "display_name", "experiment_name",
            "description", "tags", "properties", "code", "command", "inputs", "outputs", "environment",
            "environment_variables", "compute", "resources", "distribution", "limits", "identity", "services",
            "queue_settings", "is_deterministic");
    private static final Set<String> INPUT_KEYS = Set.of("type", "path", "mode", "description", "optional", "default");
    private static final Set<String> OUTPUT_KEYS = Set.of("type", "path", "mode", "description", "name", "version");
    private static final Pattern REFERENCE = Pattern.compile("\\$\\{\\{\\s*(inputs|outputs)\\.([A-Za-z0-9_]+)\\s*}}");
    private static final Pattern PY_SCRIPT = Pattern.compile("(?:^|\\s)([\\w./-]+\\.py)(?:\\s|$)");

    private final EnvironmentParser environments = new EnvironmentParser();

    /** @param environmentOverride replaces the job's environment (from {@code --env}); may be null */
    public RunSpec parse(Path file, EnvironmentSpec environmentOverride) {
        Path jobFile = file.toAbsolutePath().normalize();
        Path baseDir = jobFile.getParent();
        YamlValue root = YamlFiles.read(jobFile);
        Map<String, YamlValue> job = root.entries("a command job", KEYS);
        checkType(job.get("type"));
        Path codeDir = codeDir(job.get("code"), baseDir);
        YamlValue commandValue = require(job, "command", root, "the command to run, for example: python train.py");
        Map<String, String> inputValues = new LinkedHashMap<>();
        List<InputMount> mounts = new ArrayList<>();
        readInputs(job.get("inputs"), baseDir, inputValues, mounts);
        List<String> outputs = readOutputs(job.get("outputs"));
        String command = substitute(commandValue, inputValues, outputs);
        checkScript(commandValue, command, codeDir);
        EnvironmentSpec environment = environmentOverride != null ? environmentOverride
                : environments.parse(require(job, "environment", root, "an environment (image: ... or build: ...)"),
                        baseDir);
        return new RunSpec(jobFile, codeDir, List.of("/bin/sh", "-c", command), mounts, outputs, environment,
                job.containsKey("environment_variables")
                        ? job.get("environment_variables").textMap("'environment_variables'") : Map.of(), experimentName(job.get("experiment_name"), baseDir),
                text(job, "display_name", null));
    }

    private static String experimentName(YamlValue value, Path baseDir) {
        if (value == null) {
            return ExperimentNames.fromFolder(baseDir.getFileName().toString());
        }
        String name = value.text("'experiment_name'");
        if (!ExperimentNames.isValid(name)) {
            throw value.error(ExperimentNames.rule(name));
        }
        return name;
    }

    private static void checkType(YamlValue type) {
        if (type != null && !"command".equals(type.text("'type'"))) {
            throw type.error("only command jobs run locally (type: command), found type: " + type.text("'type'")
                    + ". Run a pipeline's steps one at a time, each as its own command job");
        }
    }

    private static Path codeDir(YamlValue code, Path baseDir) {
        if (code == null) {
            return baseDir;
        }
        String text = code.text("'code'");
        if (text.startsWith("azureml:") || text.contains("://")) {
            throw code.error("'code' must be a local folder for a local run, found '" + text + "'");
        }
        Path dir = baseDir.resolve(text).normalize();
        if (!Files.isDirectory(dir)) {
            throw code.error("code folder " + dir + " does not exist");
        }
        if (CodeFolders.refusal(dir) != null) {
            throw code.error(CodeFolders.refusal(dir));
        }
        return dir;
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
            InputMount mount = readPathInput(name, value.entries("input " + name, INPUT_KEYS), value, baseDir);
            mounts.add(mount);
            values.put(name, mount.containerPath());
        }
    }

    private static InputMount readPathInput(String name, Map<String, YamlValue> input, YamlValue where, Path baseDir) {
        String type = input.containsKey("type") ? input.get("type").text("'type'") : "uri_folder";
        if (!type.equals("uri_file") && !type.equals("uri_folder")) {
            throw input.get("type").error("input " + name + " has type " + type
                    + "; local runs take uri_file or uri_folder with a local path");
        }
        YamlValue pathValue = input.get("path");
        if (pathValue == null) {
            throw where.error("input " + name + " needs 'path', a local file or folder");
        }
        String text = pathValue.text("'path'");
        if (text.startsWith("azureml:") || text.contains("://")) {
            throw pathValue.error("input " + name + " points to '" + text + "', which a local run cannot reach;"
                    + " download it and give a local path");
        }
        Path path = baseDir.resolve(text).normalize();
        boolean file = type.equals("uri_file");
        if (file ? !Files.isRegularFile(path) : !Files.isDirectory(path)) {
            throw pathValue.error("input " + name + ": " + (file ? "file " : "folder ") + path + " does not exist");
        }
        return new InputMount(name, path, ContainerPaths.input(name, file ? path.getFileName().toString() : null));
    }

    private static List<String> readOutputs(YamlValue outputs) {
        List<String> names = new ArrayList<>();
        if (outputs != null) {
            for (Map.Entry<String, YamlValue> output : outputs.entries("'outputs'").entrySet()) {
                if (output.getValue().isMapping()) {
                    output.getValue().entries("output " + output.getKey(), OUTPUT_KEYS);
                }
                names.add(output.getKey());
            }
        }
        return names;
    }

    private static String substitute(YamlValue commandValue, Map<String, String> inputs, List<String> outputs) {
        String command = commandValue.text("'command'");
        Matcher matcher = REFERENCE.matcher(command);
        StringBuilder result = new StringBuilder();
        while (matcher.find()) {
            String kind = matcher.group(1);
            String name = matcher.group(2);
            String replacement = kind.equals("inputs") ? inputs.get(name)
                    : outputs.contains(name) ? ContainerPaths.OUTPUTS + "/" + name : null;
            if (replacement == null) {
                throw commandValue.error("the command uses ${{" + kind + "." + name + "}}, but the job declares no "
                        + kind + " named " + name);
            }
            matcher.appendReplacement(result, Matcher.quoteReplacement(replacement));
        }
        matcher.appendTail(result);
        return result.toString();
    }

    /** The first relative *.py in the command must exist in the code folder, or the run would fail late. */
    private static void checkScript(YamlValue commandValue, String command, Path codeDir) {
        Matcher matcher = PY_SCRIPT.matcher(command);
        if (matcher.find() && !matcher.group(1).startsWith("/")) {
            Path script = codeDir.resolve(matcher.group(1)).normalize();
            if (!Files.isRegularFile(script)) {
                throw commandValue.error("the command runs " + matcher.group(1) + ", but " + script
                        + " does not exist in the code folder " + codeDir);
            }
        }
    }

    private static YamlValue require(Map<String, YamlValue> job, String key, YamlValue root, String what) {
        YamlValue value = job.get(key);
        if (value == null) {
            throw root.error("missing '" + key + "': the job needs " + what);
        }
        return value;
    }

    private static String text(Map<String, YamlValue> job, String key, String fallback) {
        YamlValue value = job.get(key);
        return value == null ? fallback : value.text("'" + key + "'");
    }
}
