package dev.amldebug.server.azure;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.amldebug.azure.EnvironmentVersion;
import dev.amldebug.azure.JobDefinition;
import dev.amldebug.azure.WorkspaceClient;
import dev.amldebug.azure.WorkspaceStorage;
import dev.amldebug.errors.AmlDebugException;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.BiFunction;
import java.util.function.Consumer;

/**
 * Brings a cloud job (or pipeline step) to this machine as a local command job: its code snapshot, its environment's
 * image and conda file, and its inputs, under {@code <workspace>/.azureml/replays/<run id>/} (never in the user's
 * code folder), with a job YAML that the local run service runs as it is.
 */
public final class ReplayPreparation {
    /** What was prepared: the job YAML to run, and where it came from ("WORKSPACE/RUN"). */
    public record Prepared(Path jobFile, String replayOf) {
    }

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    private final WorkspaceClient workspace;
    private final Consumer<String> progress;
    private final BiFunction<String, String, String> inputHint;

    /** For the command line: an input outside the workspace storage is given with --input NAME=PATH. */
    public ReplayPreparation(WorkspaceClient workspace, Consumer<String> progress) {
        this(workspace, progress, (runId, name) -> "download it and give its local path with --input " + name + "=PATH.");
    }

    /** @param inputHint what to do about an input outside the workspace storage, by run id and input name */
    public ReplayPreparation(WorkspaceClient workspace, Consumer<String> progress, BiFunction<String, String, String> inputHint) {
        this.workspace = workspace;
        this.progress = progress;
        this.inputHint = inputHint;
    }

    /**
     * @param inputs       local paths that stand in for the job's inputs, by name
     * @param environment  true when the caller brings its own environment: the job's is not read
     */
    public Prepared prepare(String runId, Path workspaceFolder, Map<String, Path> inputs, boolean environment) {
        JobDefinition job = workspace.jobs().definition(runId);
        if (job.command() == null) {
            throw AmlDebugException.badInput("Job " + runId + " is a " + job.jobType() + " job with no command of its own:"
                    + " replay one of its steps (--step NAME).");
        }
        Path folder = workspaceFolder.resolve(".azureml/replays").resolve(runId.replaceAll("[^A-Za-z0-9_.-]", "_"));
        clear(folder);
        Map<String, Object> yaml = new LinkedHashMap<>();
        yaml.put("$schema", "https://azuremlschemas.azureedge.net/latest/commandJob.schema.json");
        yaml.put("display_name", "replay of " + runId);
        yaml.put("experiment_name", job.experimentName() == null ? "replay" : job.experimentName());
        if (job.codeId() != null) {
            progress.accept("Downloading the code snapshot of " + runId + "...");
            workspace.storage().downloadCode(job.codeId(), folder.resolve("code"));
            yaml.put("code", "code");
        }
        yaml.put("command", job.command());
        if (!environment) {
            yaml.put("environment", environment(job, folder));
        }
        if (!job.environmentVariables().isEmpty()) {
            yaml.put("environment_variables", job.environmentVariables());
        }
        Map<String, Object> localInputs = inputs(runId, job, folder, inputs);
        if (!localInputs.isEmpty()) {
            yaml.put("inputs", localInputs);
        }
        Path jobFile = folder.resolve("job.yml");
        write(jobFile, yaml);
        return new Prepared(jobFile, workspace.id().workspaceName() + "/" + runId);
    }

    private Map<String, Object> environment(JobDefinition job, Path folder) {
        progress.accept("Reading the environment " + job.environmentId() + "...");
        EnvironmentVersion version = workspace.environmentVersions().resolve(job.environmentId());
        Map<String, Object> environment = new LinkedHashMap<>();
        environment.put("image", version.image());
        if (version.condaFile() != null) {
            writeText(folder.resolve("environment.conda.yml"), version.condaFile());
            environment.put("conda_file", "environment.conda.yml");
        }
        return environment;
    }

    private Map<String, Object> inputs(String runId, JobDefinition job, Path folder, Map<String, Path> given) {
        Map<String, Object> local = new LinkedHashMap<>();
        for (var entry : job.inputs().entrySet()) {
            String name = entry.getKey();
            JobDefinition.Input input = entry.getValue();
            if (input.literal()) {
                local.put(name, input.value());
                continue;
            }
            Path path;
            if (given.containsKey(name)) {
                path = given.get(name).toAbsolutePath().normalize();
            } else if (WorkspaceStorage.readable(input.uri())) {
                progress.accept("Downloading input " + name + "...");
                path = workspace.storage().download(URI.create(input.uri()), folder.resolve("inputs").resolve(name), input.file());
            } else {
                throw AmlDebugException.badInput("Input '" + name + "' of job " + runId + " is " + input.uri() + ", which is not a file"
                        + " or folder in the workspace storage: " + inputHint.apply(runId, name));
            }
            local.put(name, Map.of("type", input.file() ? "uri_file" : "uri_folder", "path", path.toString()));
        }
        return local;
    }

    private static void clear(Path folder) {
        if (Files.exists(folder)) {
            try (var paths = Files.walk(folder)) {
                for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                    Files.delete(path);
                }
            } catch (IOException e) {
                throw AmlDebugException.environment("Cannot clear " + folder + " for the replay: check that it is writable.", e);
            }
        }
    }

    private static void write(Path file, Map<String, Object> yaml) {
        try {
            // JSON is YAML: the job file is read by the same parser as any job YAML.
            writeText(file, "# Written by aml-debug azure replay.\n" + JSON.writeValueAsString(yaml) + "\n");
        } catch (IOException e) {
            throw AmlDebugException.environment("Cannot write " + file + ": check that it is writable.", e);
        }
    }

    private static void writeText(Path file, String text) {
        try {
            Files.createDirectories(file.getParent());
            Files.writeString(file, text);
        } catch (IOException e) {
            throw AmlDebugException.environment("Cannot write " + file + ": check that it is writable.", e);
        }
    }
}
