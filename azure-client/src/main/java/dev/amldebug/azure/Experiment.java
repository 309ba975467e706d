package dev.amldebug.azure;

public record Experiment(String name, String id) {
}
