package dev.amldebug.azure.http;

/**
 * What a request is about, for its error sentences: "the job abc in workspace W", and the command
 * that lists what exists ("`aml-debug azure jobs list`").
 */
public record What(String description, String listCommand) {
    public static What of(String description, String listCommand) {
        return new What(description, listCommand);
    }
}
