package dev.amldebug.server.azure;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.amldebug.runner.spec.YamlValue;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;

/** A job's (or step's) inputs and outputs as the REST body has them; a local input is uploaded, a reference passed on. */
final class JobDataBody {
    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;
    private static final Map<String, String> MODES = Map.of("ro_mount", "ReadOnlyMount", "rw_mount", "ReadWriteMount",
            "download", "Download", "upload", "Upload", "direct", "Direct", "eval_mount", "EvalMount",
            "eval_download", "EvalDownload");

    private final Path jobFile;
    private final Path baseDir;
    private final CommandJobBody.Uploads uploads;

    JobDataBody(Path jobFile, CommandJobBody.Uploads uploads) {
        this.jobFile = jobFile;
        this.baseDir = jobFile.getParent();
        this.uploads = uploads;
    }

    ObjectNode inputs(YamlValue value) {
        ObjectNode inputs = JSON.objectNode();
        for (Map.Entry<String, YamlValue> entry : value.entries("'inputs'").entrySet()) {
            YamlValue input = entry.getValue();
            ObjectNode rest = JSON.objectNode();
            if (input.isScalar()) {
                rest.put("jobInputType", "literal").put("value", input.text("input " + entry.getKey()));
            } else {
                Map<String, YamlValue> fields = input.entries("input " + entry.getKey(),
                        Set.of("type", "path", "mode", "description", "optional", "default"));
                String type = fields.containsKey("type") ? fields.get("type").text("'type'") : "uri_folder";
                rest.put("jobInputType", type);
                if (fields.containsKey("path")) {
                    rest.put("uri", uri(fields.get("path")));
                }
                putMode(rest, fields.get("mode"));
                putIfPresent(rest, "description", CommandJobBody.optional(fields, "description"));
            }
            inputs.set(entry.getKey(), rest);
        }
        return inputs;
    }

    private String uri(YamlValue path) {
        String text = path.text("'path'");
        if (text.matches("^(azureml|https?|wasbs?|abfss?|adl)://.*") || text.startsWith("azureml:")) {
            return text;
        }
        Path local = baseDir.resolve(text).normalize();
        if (!Files.exists(local)) {
            throw path.error("The input " + local + " does not exist. Give a path relative to "
                    + jobFile.getFileName() + ", or an azureml: reference.");
        }
        return uploads.input(local).toString();
    }

    ObjectNode outputs(YamlValue value) {
        ObjectNode outputs = JSON.objectNode();
        for (Map.Entry<String, YamlValue> entry : value.entries("'outputs'").entrySet()) {
            outputs.set(entry.getKey(), output(entry.getKey(), entry.getValue()));
        }
        return outputs;
    }

    /** One output's declaration (null: a uri_folder). */
    ObjectNode output(String name, YamlValue value) {
        Map<String, YamlValue> fields = value.isNull() ? Map.of()
                : value.entries("output " + name, Set.of("type", "path", "mode", "description", "name", "version"));
        ObjectNode rest = JSON.objectNode().put("jobOutputType",
                fields.containsKey("type") ? fields.get("type").text("'type'") : "uri_folder");
        putMode(rest, fields.get("mode"));
        putIfPresent(rest, "uri", CommandJobBody.optional(fields, "path"));
        putIfPresent(rest, "description", CommandJobBody.optional(fields, "description"));
        return rest;
    }

    private void putMode(ObjectNode rest, YamlValue mode) {
        if (mode == null) {
            return;
        }
        String text = mode.text("'mode'");
        String restMode = MODES.get(text);
        if (restMode == null) {
            throw mode.error("Unknown mode '" + text + "'. Use one of: " + String.join(", ", new java.util.TreeSet<>(MODES.keySet())) + ".");
        }
        rest.put("mode", restMode);
    }

    private static void putIfPresent(ObjectNode node, String name, String value) {
        if (value != null) {
            node.put(name, value);
        }
    }
}
