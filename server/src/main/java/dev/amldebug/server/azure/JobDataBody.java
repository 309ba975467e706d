package dev.amldebug.server.azure;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.amldebug.runner.job.JobInput;
import dev.amldebug.runner.job.JobOutput;
import dev.amldebug.runner.yaml.YamlValue;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeSet;

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

    ObjectNode inputs(Map<String, JobInput> inputs) {
        ObjectNode rest = JSON.objectNode();
        inputs.forEach((name, input) -> rest.set(name, input(input)));
        return rest;
    }

    private ObjectNode input(JobInput input) {
        ObjectNode rest = JSON.objectNode();
        if (input.kind() == JobInput.Kind.LITERAL) {
            return rest.put("jobInputType", "literal").put("value", input.value());
        }
        rest.put("jobInputType", input.type() != null ? input.type().text("'type'") : "uri_folder");
        if (input.kind() == JobInput.Kind.REFERENCE) {
            rest.put("uri", input.path().text("'path'"));
        } else if (input.kind() == JobInput.Kind.LOCAL_PATH) {
            rest.put("uri", upload(input.path()));
        }
        putMode(rest, input.mode());
        putIfPresent(rest, "description", CommandJobBody.optional(input.description(), "description"));
        return rest;
    }

    private String upload(YamlValue path) {
        Path local = baseDir.resolve(path.text("'path'")).normalize();
        if (!Files.exists(local)) {
            throw path.error("The input " + local + " does not exist. Give a path relative to "
                    + jobFile.getFileName() + ", or an azureml: reference.");
        }
        return uploads.input(local).toString();
    }

    ObjectNode outputs(Map<String, JobOutput> outputs) {
        ObjectNode rest = JSON.objectNode();
        outputs.forEach((name, output) -> rest.set(name, output(output)));
        return rest;
    }

    /** One output's declaration (null: a uri_folder). */
    ObjectNode output(JobOutput output) {
        if (!output.at().isNull() && !output.at().isMapping()) {
            // A job output written as one value must be empty; entries() refuses it in the usual words.
            output.at().entries("output " + output.name());
        }
        ObjectNode rest = JSON.objectNode().put("jobOutputType",
                output.type() != null ? output.type().text("'type'") : "uri_folder");
        putMode(rest, output.mode());
        putIfPresent(rest, "uri", CommandJobBody.optional(output.path(), "path"));
        putIfPresent(rest, "description", CommandJobBody.optional(output.description(), "description"));
        return rest;
    }

    private void putMode(ObjectNode rest, YamlValue mode) {
        if (mode == null) {
            return;
        }
        String text = mode.text("'mode'");
        String restMode = MODES.get(text);
        if (restMode == null) {
            throw mode.error("Unknown mode '" + text + "'. Use one of: " + String.join(", ", new TreeSet<>(MODES.keySet())) + ".");
        }
        rest.put("mode", restMode);
    }

    private static void putIfPresent(ObjectNode node, String name, String value) {
        if (value != null) {
            node.put(name, value);
        }
    }
}
