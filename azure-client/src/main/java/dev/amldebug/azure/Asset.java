package dev.amldebug.azure;

/** An environment, model or data container. */
public record Asset(String name, String latestVersion, String description) {
}
