package dev.amldebug.azure;

/** A version of an environment: the image it runs in and its conda file (null when it has none). */
public record EnvironmentVersion(String id, String image, String condaFile) {
}
