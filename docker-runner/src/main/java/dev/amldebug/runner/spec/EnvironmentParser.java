package dev.amldebug.runner.spec;

import dev.amldebug.runner.yaml.SpecException;
import dev.amldebug.runner.yaml.YamlFiles;
import dev.amldebug.runner.yaml.YamlValue;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import dev.amldebug.runner.job.JobEnvironment;
import dev.amldebug.runner.job.JobReader;
import java.util.Map;
import java.util.Set;

/** Reads an Azure ML v2 environment, inline in a job or as its own YAML file ({@code --env}). */
public final class EnvironmentParser {
    public static final Set<String> BUILD_KEYS = Set.of("path", "dockerfile_path");

    /** Reads an environment YAML file such as {@code env.yml}. */
    public EnvironmentSpec parseFile(Path file) {
        return parse(YamlFiles.read(file), file.toAbsolutePath().getParent());
    }

    /** Reads an inline environment; relative paths resolve against {@code baseDir}. */
    public EnvironmentSpec parse(YamlValue value, Path baseDir) {
        return parse(JobReader.environment(value), baseDir);
    }

    /** A job's environment for a local run; a reference to a workspace's environment does not apply. */
    public EnvironmentSpec parse(JobEnvironment environment, Path baseDir) {
        if (environment.isReference()) {
            throw cloudReference(environment.at());
        }
        YamlValue image = environment.image();
        YamlValue build = environment.build();
        if (image != null && build != null) {
            throw build.error("an environment takes either 'image' or 'build', not both");
        }
        if (build != null) {
            return parseBuild(build, baseDir);
        }
        if (image == null) {
            throw environment.at().error("the environment needs 'image' (a base image, with an optional conda_file)"
                    + " or 'build' (a folder with a Dockerfile)");
        }
        YamlValue conda = environment.condaFile();
        String condaYaml = conda == null ? null : readConda(conda, baseDir);
        return EnvironmentSpec.ofImage(image.text("'image'"), condaYaml);
    }

    private EnvironmentSpec parseBuild(YamlValue build, Path baseDir) {
        Map<String, YamlValue> entries = build.entries("'build'", BUILD_KEYS);
        YamlValue path = entries.get("path");
        if (path == null) {
            throw build.error("'build' needs 'path', the folder that holds the Dockerfile");
        }
        Path context = baseDir.resolve(path.text("'build.path'")).normalize();
        if (!Files.isDirectory(context)) {
            throw path.error("build folder " + context + " does not exist");
        }
        YamlValue dockerfileValue = entries.get("dockerfile_path");
        String dockerfile = dockerfileValue == null ? "Dockerfile" : dockerfileValue.text("'dockerfile_path'");
        if (!Files.isRegularFile(context.resolve(dockerfile))) {
            throw (dockerfileValue != null ? dockerfileValue : path)
                    .error("no " + dockerfile + " in build folder " + context);
        }
        return EnvironmentSpec.ofBuild(context, dockerfile);
    }

    private String readConda(YamlValue conda, Path baseDir) {
        Path file = baseDir.resolve(conda.text("'conda_file'")).normalize();
        if (!Files.isRegularFile(file)) {
            throw conda.error("conda file " + file + " does not exist");
        }
        YamlFiles.read(file).entries("the conda file");
        return YamlFiles.text(file);
    }

    static SpecException cloudReference(YamlValue value) {
        String text = value.text("the environment");
        if (text.startsWith("azureml:")) {
            return value.error("'" + text + "' is an environment registered in an Azure ML workspace, which a local"
                    + " run cannot use. Describe it inline instead (environment: {image: ..., conda_file: ...}),"
                    + " or pass --env ENV.yml with an environment definition");
        }
        return value.error("expected the environment as a mapping (image: ..., conda_file: ... or build: {path: ...}),"
                + " found '" + text + "'");
    }
}
