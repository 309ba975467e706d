package dev.amldebug.azure.http;

import dev.amldebug.errors.AmlDebugException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/** The environment variables that shape our HTTP: a CA bundle for corporate networks. */
public final class HttpSettings {
    public static final String CA_BUNDLE = "AML_DEBUG_CA_BUNDLE";

    private HttpSettings() {
    }

    /** The PEM file named by AML_DEBUG_CA_BUNDLE, or null. */
    public static Path caBundle(Map<String, String> env) {
        String value = env.get(CA_BUNDLE);
        if (value == null || value.isBlank()) {
            return null;
        }
        Path path = Path.of(value.trim());
        if (!Files.isRegularFile(path)) {
            throw AmlDebugException.badInput(CA_BUNDLE + " names " + path + ", which is not a file: point it at a PEM file"
                    + " of your network's root certificates, or unset it.");
        }
        return path;
    }
}
