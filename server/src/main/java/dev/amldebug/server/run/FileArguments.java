package dev.amldebug.server.run;

import dev.amldebug.errors.AmlDebugException;
import java.net.URI;
import java.nio.file.Path;

/**
 * A file named by an editor or a debug client: a path relative to the workspace, an absolute
 * path, or a {@code file://} URI, as LSP clients send them.
 */
public final class FileArguments {
    private FileArguments() {
    }

    public static Path path(Path workspace, String value) {
        if (value == null || value.isBlank()) {
            throw AmlDebugException.badInput("A file argument is empty: give a path or a file:// URI.");
        }
        if (value.regionMatches(true, 0, "file:", 0, 5)) {
            try {
                return Path.of(URI.create(value)).normalize();
            } catch (IllegalArgumentException e) {
                throw AmlDebugException.badInput("'" + value + "' is not a file URI: give a path or file:///path/to/file.");
            }
        }
        if (value.matches("^[A-Za-z][A-Za-z0-9+.-]+://.*")) {
            throw AmlDebugException.badInput("'" + value + "' is not on this machine: give a path or a file:// URI.");
        }
        return workspace.resolve(value).normalize();
    }
}
