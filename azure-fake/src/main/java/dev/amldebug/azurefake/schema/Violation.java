package dev.amldebug.azurefake.schema;

/** One mismatch between a request body and the specification: where (a JSON path such as {@code $.properties.jobType}) and what. */
public record Violation(String operation, String path, String problem) {
    @Override
    public String toString() {
        return operation + ": " + path + ": " + problem;
    }
}
