package dev.amldebug.server.documents;

import java.util.Optional;

/**
 * What is wrong with a spec document, where: 1-based line and column, or 0 when the reader could not say where, and how
 * many characters it spans (0: to the end of its word); an error or a warning; and, for a mistyped key, the key it most
 * likely meant.
 */
public record SpecProblem(int line, int column, int length, String message, boolean warning,
                          Optional<String> replacement) {
    public SpecProblem(int line, int column, String message) {
        this(line, column, 0, message, false, Optional.empty());
    }

    public SpecProblem(int line, int column, String message, Optional<String> replacement) {
        this(line, column, 0, message, false, replacement);
    }

    static SpecProblem warning(int line, int column, String message) {
        return new SpecProblem(line, column, 0, message, true, Optional.empty());
    }
}
