package dev.amldebug.runner.deploy;

import dev.amldebug.runner.spec.EnvironmentParser;
import dev.amldebug.runner.spec.EnvironmentSpec;
import dev.amldebug.runner.spec.ExperimentNames;
import dev.amldebug.runner.yaml.YamlFiles;
import dev.amldebug.runner.yaml.YamlValue;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Reads an Azure ML v2 managed online deployment YAML, the file `az ml online-deployment create --local` takes. */
public final class DeploymentYamlParser {
    /** Keys that mean nothing for a local deployment: accepted, and said once. */
    public static final Set<String> IGNORED = Set.of("instance_type", "instance_count", "scale_settings",
            "app_insights_enabled", "egress_public_network_access");
    public static final Set<String> KEYS = Set.of("$schema", "name", "endpoint_name", "description", "tags",
            "properties", "model", "code_configuration", "environment", "environment_variables", "request_settings",
            "liveness_probe", "readiness_probe", "instance_type", "instance_count", "scale_settings",
            "app_insights_enabled", "egress_public_network_access", "type", "data_collector");
    public static final Set<String> MODEL_KEYS = Set.of("name", "version", "path", "type", "description");
    public static final Set<String> CODE_KEYS = Set.of("code", "scoring_script");
    public static final Set<String> REQUEST_KEYS = Set.of("request_timeout_ms", "max_concurrent_requests_per_instance",
            "max_queue_wait_ms");

    public DeploymentSpec parse(Path file) {
        return parse(YamlFiles.read(file.toAbsolutePath().normalize()));
    }

    /** A deployment document already read, such as an editor's unsaved text; its file anchors relative paths. */
    public DeploymentSpec parse(YamlValue root) {
        Path yaml = root.file().toAbsolutePath().normalize();
        Path base = yaml.getParent();
        Map<String, YamlValue> deployment = root.entries("an online deployment", KEYS);
        YamlValue code = require(deployment, "code_configuration", root, "code_configuration: {code: ., scoring_script: score.py}");
        Map<String, YamlValue> codeEntries = code.entries("'code_configuration'", CODE_KEYS);
        Path appDir = base.resolve(require(codeEntries, "code", code, "code: the folder of the scoring script")
                .text("'code'")).normalize();
        YamlValue script = require(codeEntries, "scoring_script", code, "scoring_script: score.py");
        if (!Files.isRegularFile(appDir.resolve(script.text("'scoring_script'")))) {
            throw script.error("scoring script " + appDir.resolve(script.text("'scoring_script'")) + " does not exist");
        }
        EnvironmentSpec environment = new EnvironmentParser().parse(require(deployment, "environment", root,
                "an environment (image: ... with conda_file, or build: ...)"), base);
        List<String> notes = new ArrayList<>();
        IGNORED.stream().filter(deployment::containsKey).sorted()
                .forEach(key -> notes.add(ignoredNote(key)));
        return new DeploymentSpec(yaml, name(deployment, base), appDir, script.text("'scoring_script'"), environment,
                model(require(deployment, "model", root, "model: {path: ./model} or a local path"), base),
                deployment.containsKey("environment_variables")
                        ? deployment.get("environment_variables").textMap("'environment_variables'") : Map.of(),
                requestSettings(deployment.get("request_settings")), notes);
    }

    public static String ignoredNote(String key) {
        return "'" + key + "' means nothing for a local deployment; ignored.";
    }

    private static String name(Map<String, YamlValue> deployment, Path base) {
        String name = deployment.containsKey("name") ? deployment.get("name").text("'name'") : base.getFileName().toString();
        return ExperimentNames.fromFolder(name);
    }

    private static ModelRef model(YamlValue model, Path base) {
        if (model.isScalar()) {
            String text = model.text("'model'");
            if (text.startsWith("azureml:")) {
                throw model.error("'" + text + "' is a model registered in an Azure ML workspace, which a local"
                        + " deployment cannot use: download it (az ml model download) and give model: {path: ./model}");
            }
            return ModelRef.of(base.resolve(text), null, null);
        }
        Map<String, YamlValue> entries = model.entries("'model'", MODEL_KEYS);
        YamlValue path = require(entries, "path", model, "path: the model's local file or folder");
        Path local = base.resolve(path.text("'model.path'")).normalize();
        if (!Files.exists(local)) {
            throw path.error("model " + local + " does not exist");
        }
        return ModelRef.of(local, entries.containsKey("name") ? entries.get("name").text("'model.name'") : null,
                entries.containsKey("version") ? entries.get("version").text("'model.version'") : null);
    }

    private static RequestSettings requestSettings(YamlValue settings) {
        if (settings == null) {
            return RequestSettings.DEFAULTS;
        }
        Map<String, YamlValue> entries = settings.entries("'request_settings'", REQUEST_KEYS);
        RequestSettings defaults = RequestSettings.DEFAULTS;
        return new RequestSettings(
                number(entries.get("request_timeout_ms"), "request_timeout_ms", 1, defaults.requestTimeoutMs()),
                number(entries.get("max_concurrent_requests_per_instance"), "max_concurrent_requests_per_instance", 1,
                        defaults.maxConcurrentRequestsPerInstance()),
                number(entries.get("max_queue_wait_ms"), "max_queue_wait_ms", 0, defaults.maxQueueWaitMs()));
    }

    private static int number(YamlValue value, String key, int minimum, int absent) {
        if (value == null) {
            return absent;
        }
        try {
            int number = Integer.parseInt(value.text("'" + key + "'"));
            if (number < minimum) {
                throw value.error(key + " takes a whole number, " + minimum + " or more");
            }
            return number;
        } catch (NumberFormatException e) {
            throw value.error(key + " takes a whole number, not '" + value.text("") + "'");
        }
    }

    private static YamlValue require(Map<String, YamlValue> entries, String key, YamlValue where, String example) {
        YamlValue value = entries.get(key);
        if (value == null) {
            throw where.error("'" + key + "' is missing; for example " + example);
        }
        return value;
    }
}
