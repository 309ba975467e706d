package dev.amldebug.server.documents;

import dev.amldebug.runner.yaml.SpecException;
import java.nio.file.Path;
import java.util.Optional;

/**
 * A reader's problem as a {@link SpecProblem} of the document being checked. A problem in another file the document
 * names (a pipeline's component file) stands where the document names that file, saying where in it.
 */
final class ForeignProblem {
    private ForeignProblem() {
    }

    static SpecProblem of(Path document, String text, SpecException e) {
        if (!isForeign(document, e)) {
            return new SpecProblem(e.line(), e.column(), e.reason());
        }
        String name = e.file().getFileName().toString();
        String where = e.line() > 0 ? name + ":" + e.line() + ":" + e.column() : name;
        String[] lines = text.split("\r?\n", -1);
        for (int i = 0; i < lines.length; i++) {
            int at = lines[i].indexOf(name);
            if (at >= 0) {
                return new SpecProblem(i + 1, at + 1, name.length(), where + ": " + e.reason(), false, Optional.empty());
            }
        }
        return new SpecProblem(0, 0, where + ": " + e.reason());
    }

    static boolean isForeign(Path document, SpecException e) {
        return e.file() != null && !e.file().toAbsolutePath().normalize().equals(document.toAbsolutePath().normalize());
    }
}
