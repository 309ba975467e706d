package dev.amldebug.runner.spec;

import java.nio.file.Path;

/**
 * What a run's image is made from: a base image with optional conda dependencies, or a
 * Docker build context. {@code condaYaml} is the conda file's text; {@code userManaged}
 * means the image already holds every dependency and nothing is installed.
 */
public record EnvironmentSpec(String image, String condaYaml, Path buildContext, String dockerfilePath) {

    public static EnvironmentSpec ofImage(String image) {
        return new EnvironmentSpec(image, null, null, null);
    }

    public static EnvironmentSpec ofImage(String image, String condaYaml) {
        return new EnvironmentSpec(image, condaYaml, null, null);
    }

    public static EnvironmentSpec ofBuild(Path buildContext, String dockerfilePath) {
        return new EnvironmentSpec(null, null, buildContext, dockerfilePath);
    }

    public boolean isBuild() {
        return buildContext != null;
    }

    /** A short description for logs: the base image or the build folder. */
    public String describe() {
        return isBuild() ? "build " + buildContext + " (" + dockerfilePath + ")"
                : image + (condaYaml != null ? " + conda dependencies" : "");
    }
}
