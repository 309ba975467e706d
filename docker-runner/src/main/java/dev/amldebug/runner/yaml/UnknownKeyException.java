package dev.amldebug.runner.yaml;

import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;

/** A key a mapping does not take: which one, and the keys it does take (for an editor's quick fix). */
public class UnknownKeyException extends SpecException {
    private final String key;
    private final Set<String> allowed;

    public UnknownKeyException(Path file, int line, int column, String key, String what, Set<String> allowed) {
        super(file, line, column, "unknown key '" + key + "' in " + what + "; expected one of: "
                + String.join(", ", new TreeSet<>(allowed)));
        this.key = key;
        this.allowed = Set.copyOf(allowed);
    }

    public String key() {
        return key;
    }

    public Set<String> allowed() {
        return allowed;
    }
}
