package dev.amldebug.server.documents;

import java.util.Optional;

/**
 * What is wrong with a spec document, where: 1-based line and column, or 0 when the reader could not say where; and, for
 * a mistyped key, the key it most likely meant.
 */
public record SpecProblem(int line, int column, String message, Optional<String> replacement) {
    public SpecProblem(int line, int column, String message) {
        this(line, column, message, Optional.empty());
    }
}
