package dev.amldebug.runner.deploy;

import dev.amldebug.errors.AmlDebugException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A model on this machine, named as Azure ML names it: the server finds it at
 * {@code AZUREML_MODEL_DIR=/var/azureml-app/azureml-models/<name>/<version>}.
 */
public record ModelRef(Path path, String name, String version) {
    public static final String MODELS_DIR = "/var/azureml-app/azureml-models";

    /** A bare path is named after its folder (or file), version 1. */
    public static ModelRef of(Path path, String name, String version) {
        Path absolute = path.toAbsolutePath().normalize();
        if (!Files.exists(absolute)) {
            throw AmlDebugException.badInput("The model " + absolute + " does not exist: give a local file or folder.");
        }
        String fileName = absolute.getFileName() == null ? "model" : absolute.getFileName().toString();
        String plain = fileName.replaceAll("\\.[A-Za-z0-9]+$", "").replaceAll("[^A-Za-z0-9_.-]", "_");
        return new ModelRef(absolute, name == null ? plain : name, version == null ? "1" : version);
    }

    /** {@code PATH[:NAME:VERSION]}, as the command line takes it. */
    public static ModelRef parse(String text, Path base) {
        if (text.startsWith("azureml:")) {
            throw AmlDebugException.badInput("'" + text + "' is a model registered in an Azure ML workspace, which a local"
                    + " deployment cannot use: download it (az ml model download) and give its local path.");
        }
        String[] parts = text.split(":");
        if (parts.length == 3) {
            return of(base.resolve(parts[0]), parts[1], parts[2]);
        }
        if (parts.length != 1) {
            throw AmlDebugException.badInput("--model takes PATH or PATH:NAME:VERSION, not '" + text + "'.");
        }
        return of(base.resolve(text), null, null);
    }

    /** Where the server finds the model in the container. */
    public String containerDir() {
        return MODELS_DIR + "/" + name + "/" + version;
    }

    /** Where the model itself is mounted: a file keeps its name inside its version folder. */
    public String containerPath() {
        return Files.isDirectory(path) ? containerDir() : containerDir() + "/" + path.getFileName();
    }
}
