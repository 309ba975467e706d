package dev.amldebug.server.commands;

import dev.amldebug.errors.AmlDebugException;
import dev.amldebug.server.run.FileArguments;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** azureml.createRunConfiguration: a v2 command job YAML under .azureml/ that runs a script. */
final class RunConfigurationWriter {
    /** Arguments of azureml.createRunConfiguration. */
    record Request(String script, String environment, String dataset, Boolean addDebugpy, String name) {
    }

    record Result(String uri) {
    }

    private final Path workspace;
    private final String baseImage;

    RunConfigurationWriter(Path workspace, String baseImage) {
        this.workspace = workspace;
        this.baseImage = baseImage;
    }

    Result write(Request request) {
        if (request.script() == null || !Files.isRegularFile(FileArguments.path(workspace, request.script()))) {
            throw AmlDebugException.badInput("createRunConfiguration needs script, a Python file in the workspace; '"
                    + request.script() + "' is not one.");
        }
        Path script = FileArguments.path(workspace, request.script());
        String stem = script.getFileName().toString().replaceFirst("\\.py$", "");
        String name = request.name() == null || request.name().isBlank() ? stem : request.name();
        Path dir = workspace.resolve(".azureml");
        Path job = dir.resolve(name + ".job.yml");
        StringBuilder yaml = new StringBuilder()
                .append("# Created by Azure ML (aml-debug). Run it locally: aml-debug run .azureml/").append(name).append(".job.yml\n")
                .append("$schema: https://azuremlschemas.azureedge.net/latest/commandJob.schema.json\n")
                .append("type: command\n")
                .append("experiment_name: ").append(name).append('\n')
                .append("code: ").append(relative(dir, script.getParent())).append('\n')
                .append("command: python ").append(script.getFileName());
        if (request.dataset() != null) {
            yaml.append(" --data ${{inputs.dataset}}\ninputs:\n  dataset:\n    type: uri_folder\n    path: ")
                    .append(relative(dir, FileArguments.path(workspace, request.dataset())));
        }
        yaml.append('\n').append(environment(request, dir, name));
        try {
            Files.createDirectories(dir);
            if (Boolean.TRUE.equals(request.addDebugpy())) {
                Files.writeString(dir.resolve(name + ".conda.yml"), "# debugpy for interactive debugging; an image"
                        + " that has it already installs nothing.\nname: " + name + "\ndependencies:\n  - pip\n  - pip:\n"
                        + "    - debugpy\n");
            }
            Files.writeString(job, yaml.toString());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + job, e);
        }
        return new Result(job.toUri().toString());
    }

    private String environment(Request request, Path dir, String name) {
        String conda = Boolean.TRUE.equals(request.addDebugpy()) ? "  conda_file: " + name + ".conda.yml\n" : "";
        String environment = request.environment();
        if (environment != null && (environment.endsWith(".yml") || environment.endsWith(".yaml"))) {
            Path file = FileArguments.path(workspace, environment);
            if (!Files.isRegularFile(file)) {
                throw AmlDebugException.badInput("Environment file " + file + " does not exist.");
            }
            return "# Environment from " + workspace.relativize(file) + "; run with --env to use it as a whole.\n"
                    + "environment:\n  image: " + imageOf(file) + "\n" + conda;
        }
        return "environment:\n  image: " + (environment == null || environment.isBlank() ? baseImage : environment)
                + "\n" + conda;
    }

    private String imageOf(Path environmentFile) {
        try {
            return Files.readAllLines(environmentFile).stream().filter(line -> line.startsWith("image:"))
                    .map(line -> line.substring("image:".length()).trim()).findFirst().orElse(baseImage);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + environmentFile, e);
        }
    }

    private static String relative(Path from, Path to) {
        String relative = from.relativize(to).toString().replace('\\', '/');
        return relative.isEmpty() ? "." : relative;
    }
}
