package dev.amldebug.server.documents;

/**
 * What is wrong with a spec document, where: 1-based line and column, or 0 when the reader could not say where.
 */
public record SpecProblem(int line, int column, String message) {
}
