package dev.amldebug.server.documents;

import dev.amldebug.runner.job.JobReader;
import dev.amldebug.runner.yaml.SpecException;
import dev.amldebug.runner.yaml.UnknownKeyException;
import dev.amldebug.runner.yaml.YamlFiles;
import dev.amldebug.runner.yaml.YamlValue;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

/**
 * Checks a YAML document as it stands in the editor, unsaved, with the readers a run or a submit uses, so the editor
 * shows the same file:line:column sentence before anything runs. Every YAML file gets the YAML checks (syntax, a key
 * given twice, limits); a command job (type: command, a command job's $schema, or neither and a command or code) also
 * the job model's (known keys, types,
 * inputs and outputs). Other documents are left alone: this is not a YAML linter.
 */
public final class SpecCheck {
    private SpecCheck() {
    }

    /** The document's first problem, if any. */
    public static Optional<SpecProblem> check(Path file, String text) {
        try {
            YamlValue root = YamlFiles.parse(file, text);
            if (isCommandJob(root)) {
                new JobReader().read(root);
            }
            return Optional.empty();
        } catch (UnknownKeyException e) {
            return Optional.of(new SpecProblem(e.line(), e.column(), e.reason(), KeySuggestion.nearest(e.key(), e.allowed())));
        } catch (SpecException e) {
            return Optional.of(new SpecProblem(e.line(), e.column(), e.reason()));
        }
    }

    private static boolean isCommandJob(YamlValue root) {
        if (!root.isMapping()) {
            return false;
        }
        YamlValue type = JobReader.typeOf(root);
        if (type != null) {
            return type.isScalar() && type.text("the job's type").equals("command");
        }
        Map<String, YamlValue> entries = root.entries("a YAML document");
        YamlValue schema = entries.get("$schema");
        if (schema != null && schema.isScalar()) {
            return schema.text("$schema").contains("commandJob");
        }
        // No type and no schema: Azure ML reads it as a command job when it has a command or code of its own.
        return entries.containsKey("command") || entries.containsKey("code");
    }
}
