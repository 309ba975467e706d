package dev.amldebug.runner.job;

import dev.amldebug.runner.yaml.YamlValue;

/**
 * One of a job's inputs: a literal value, a local file or folder, a reference (an {@code azureml:} asset or a URI),
 * or a declaration with no path. Fields not written are null.
 *
 * @param at    the input's value in the file
 * @param value the literal as written; null unless {@link Kind#LITERAL}
 */
public record JobInput(String name, YamlValue at, Kind kind, String value, YamlValue type, YamlValue path,
                       YamlValue mode, YamlValue description) {
    public enum Kind {
        LITERAL, LOCAL_PATH, REFERENCE, NO_PATH
    }

    /** Whether a path names data elsewhere (an Azure ML asset or datastore, a URL) rather than a local file. */
    public static boolean isReference(String path) {
        return path.startsWith("azureml:") || path.contains("://");
    }
}
