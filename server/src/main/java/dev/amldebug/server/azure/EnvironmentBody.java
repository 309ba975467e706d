package dev.amldebug.server.azure;

import dev.amldebug.runner.job.JobEnvironment;
import dev.amldebug.runner.yaml.YamlValue;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** A job's environment as submit sends it: a reference passed on, an inline image and conda file uploaded. */
final class EnvironmentBody {
    private final Path jobFile;
    private final Path baseDir;
    private final CommandJobBody.Uploads uploads;

    EnvironmentBody(Path jobFile, CommandJobBody.Uploads uploads) {
        this.jobFile = jobFile;
        this.baseDir = jobFile.getParent();
        this.uploads = uploads;
    }

    String id(JobEnvironment environment) {
        if (environment.isReference()) {
            if (!environment.reference().startsWith("azureml:")) {
                throw environment.at().error("An environment is either azureml:NAME:VERSION, azureml:NAME@latest, or"
                        + " inline with image: and conda_file:.");
            }
            return environment.reference();
        }
        if (environment.build() != null) {
            throw environment.build().error("Environments built from a Docker context are not submitted yet:"
                    + " register it with `az ml environment create` and use azureml:NAME:VERSION, or give image:"
                    + " and conda_file:.");
        }
        YamlValue image = environment.image();
        if (image == null) {
            throw environment.at().error("The environment needs an image: (for example"
                    + " mcr.microsoft.com/azureml/openmpi4.1.0-ubuntu20.04), with an optional conda_file:.");
        }
        YamlValue conda = environment.condaFile();
        return uploads.environment(image.text("'image'"), conda == null ? null : condaText(conda));
    }

    private String condaText(YamlValue conda) {
        if (conda.isMapping()) {
            return conda.toYamlText();
        }
        Path file = baseDir.resolve(conda.text("'conda_file'")).normalize();
        if (!Files.isRegularFile(file)) {
            throw conda.error("The conda file " + file + " does not exist. Give its path relative to "
                    + jobFile.getFileName() + ".");
        }
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
