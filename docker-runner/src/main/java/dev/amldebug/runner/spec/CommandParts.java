package dev.amldebug.runner.spec;

import dev.amldebug.runner.yaml.SpecException;
import dev.amldebug.runner.job.JobKeys;
import dev.amldebug.runner.yaml.YamlValue;
import dev.amldebug.runner.job.JobInput;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The parts of a command that command jobs, pipeline steps and command components share: the code
 * folder, path inputs, outputs, ${{inputs.X}} / ${{outputs.Y}} substitution, the script check and
 * the experiment name.
 */
public final class CommandParts {
    public static final Set<String> INPUT_KEYS = JobKeys.INPUT;
    public static final Set<String> OUTPUT_KEYS = JobKeys.OUTPUT;
    private static final Pattern REFERENCE = Pattern.compile("\\$\\{\\{\\s*(inputs|outputs)\\.([A-Za-z0-9_]+)\\s*}}");
    private static final Pattern PY_SCRIPT = Pattern.compile("(?:^|\\s)([\\w./-]+\\.py)(?:\\s|$)");

    private CommandParts() {
    }

    /** The local code folder that {@code code} names, or {@code baseDir} when there is none. */
    public static Path codeDir(YamlValue code, Path baseDir) {
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

    /** A uri_file or uri_folder input with a local {@code path}, checked to exist. */
    public static InputMount pathInput(String name, Map<String, YamlValue> input, YamlValue where, Path baseDir) {
        return pathInput(name, input.get("type"), input.get("path"), where, baseDir);
    }

    /** As above, from the input's {@code type} and {@code path} (either may be null). */
    public static InputMount pathInput(String name, YamlValue typeValue, YamlValue pathValue, YamlValue where,
                                       Path baseDir) {
        String type = pathType(name, typeValue);
        if (pathValue == null) {
            throw where.error("input " + name + " needs 'path', a local file or folder");
        }
        return localPath(name, type, pathValue, baseDir);
    }

    /** The input's type, uri_folder when it names none; only file and folder inputs run locally. */
    public static String pathType(String name, YamlValue typeValue) {
        String type = typeValue != null ? typeValue.text("'type'") : "uri_folder";
        if (!type.equals("uri_file") && !type.equals("uri_folder")) {
            throw typeValue.error("input " + name + " has type " + type
                    + "; local runs take uri_file or uri_folder with a local path");
        }
        return type;
    }

    /** The local file or folder that {@code pathValue} names, mounted at its container path. */
    public static InputMount localPath(String name, String type, YamlValue pathValue, Path baseDir) {
        String text = pathValue.text("'path'");
        if (JobInput.isReference(text)) {
            throw pathValue.error("input " + name + " points to '" + text + "', which a local run cannot reach;"
                    + " download it and give a local path");
        }
        Path path = baseDir.resolve(text).normalize();
        boolean file = type.equals("uri_file");
        if (file ? !Files.isRegularFile(path) : !Files.isDirectory(path)) {
            throw pathValue.error("input " + name + ": " + (file ? "file " : "folder ") + path + " does not exist");
        }
        return mount(name, path, type);
    }

    public static InputMount mount(String name, Path path, String type) {
        return new InputMount(name, path,
                ContainerPaths.input(name, type.equals("uri_file") ? path.getFileName().toString() : null));
    }

    /** The names under {@code outputs:}; a mapping value is checked for known keys. */
    public static List<String> outputs(YamlValue outputs) {
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

    /** The command with ${{inputs.X}} and ${{outputs.Y}} replaced; an undeclared name is an error at the command. */
    public static String substitute(YamlValue commandValue, Map<String, String> inputs, List<String> outputs) {
        return substitute(commandValue.text("'command'"), inputs, outputs, commandValue::error);
    }

    public static String substitute(String command, Map<String, String> inputs, List<String> outputs,
                                    Function<String, SpecException> error) {
        Matcher matcher = REFERENCE.matcher(command);
        StringBuilder result = new StringBuilder();
        while (matcher.find()) {
            String kind = matcher.group(1);
            String name = matcher.group(2);
            String replacement = kind.equals("inputs") ? inputs.get(name)
                    : outputs.contains(name) ? ContainerPaths.OUTPUTS + "/" + name : null;
            if (replacement == null) {
                throw error.apply("the command uses ${{" + kind + "." + name + "}}, but the job declares no "
                        + kind + " named " + name);
            }
            matcher.appendReplacement(result, Matcher.quoteReplacement(replacement));
        }
        matcher.appendTail(result);
        return result.toString();
    }

    /** The first relative *.py in the command must exist in the code folder, or the run would fail late. */
    public static void checkScript(YamlValue commandValue, String command, Path codeDir) {
        Matcher matcher = PY_SCRIPT.matcher(command);
        if (matcher.find() && !matcher.group(1).startsWith("/")) {
            Path script = codeDir.resolve(matcher.group(1)).normalize();
            if (!Files.isRegularFile(script)) {
                throw commandValue.error("the command runs " + matcher.group(1) + ", but " + script
                        + " does not exist in the code folder " + codeDir);
            }
        }
    }

    /** {@code experiment_name} as written, or one made from the folder's name. */
    public static String experimentName(YamlValue value, Path baseDir) {
        if (value == null) {
            return ExperimentNames.fromFolder(baseDir.getFileName().toString());
        }
        String name = value.text("'experiment_name'");
        if (!ExperimentNames.isValid(name)) {
            throw value.error(ExperimentNames.rule(name));
        }
        return name;
    }

    public static Map<String, String> environmentVariables(YamlValue value) {
        return value == null ? Map.of() : value.textMap("'environment_variables'");
    }

    /** The value under {@code key}, or an error at {@code where} saying what it should hold. */
    public static YamlValue require(Map<String, YamlValue> entries, String key, YamlValue where, String what) {
        return require(entries.get(key), key, where, what);
    }

    /** {@code value}, or an error at {@code where} saying that {@code key} is missing and what it should hold. */
    public static YamlValue require(YamlValue value, String key, YamlValue where, String what) {
        if (value == null) {
            throw where.error("missing '" + key + "': the job needs " + what);
        }
        return value;
    }

    public static String text(Map<String, YamlValue> entries, String key, String fallback) {
        YamlValue value = entries.get(key);
        return value == null ? fallback : value.text("'" + key + "'");
    }
}
