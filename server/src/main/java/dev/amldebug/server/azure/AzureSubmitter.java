package dev.amldebug.server.azure;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.amldebug.runner.spec.SnapshotIgnore;
import dev.amldebug.azure.Components;
import dev.amldebug.azure.Job;
import dev.amldebug.azure.TransferListener;
import dev.amldebug.azure.WorkspaceClient;
import dev.amldebug.azure.config.WorkspaceId;
import dev.amldebug.runner.run.RunIds;
import java.net.URI;
import java.nio.file.Path;
import java.time.Instant;
import java.util.function.Consumer;
import java.util.Map;

/** Submits a local command or pipeline job YAML to a compute of an Azure ML workspace. */
public final class AzureSubmitter {
    private final WorkspaceClient workspace;
    private final WorkspaceId workspaceId;
    private final Consumer<String> progress;
    private final TransferListener transfers;

    /**
     * @param progress  one line per step (uploading the code, creating the job)
     * @param transfers hears the bytes of each upload
     */
    public AzureSubmitter(WorkspaceClient workspace, WorkspaceId workspaceId, Consumer<String> progress,
                          TransferListener transfers) {
        this.workspace = workspace;
        this.workspaceId = workspaceId;
        this.progress = progress;
        this.transfers = transfers;
    }

    public Job submit(Path jobFile, String compute, String experiment) {
        CommandJobBody.Job job = new CommandJobBody(jobFile, new Uploads()).build(workspaceId, compute, experiment);
        String name = RunIds.next(job.experimentName(), Instant.now().getEpochSecond());
        progress.accept("Creating job " + name + " in " + workspaceId.workspaceName() + "...");
        return workspace.jobs().createOrUpdate(name, job.body());
    }

    /** A pipeline job YAML, its chosen steps under the debug shim; the job and its steps as submitted. */
    public PipelineSubmission submitPipeline(Path pipelineFile, String compute, String experiment, RemoteStepDebug debug) {
        PipelineJobBody.Pipeline pipeline = new PipelineJobBody(pipelineFile, new Uploads(), debug)
                .build(workspaceId, compute, experiment);
        String name = RunIds.next(pipeline.job().experimentName(), Instant.now().getEpochSecond());
        progress.accept("Creating pipeline job " + name + " (" + String.join(", ", pipeline.steps().keySet()) + ") in "
                + workspaceId.workspaceName() + "...");
        return new PipelineSubmission(workspace.jobs().createOrUpdate(name, pipeline.job().body()), pipeline.steps());
    }

    /**
     * A command job run under the debug shim (in each of its processes): its command wrapped, the shim in its code
     * snapshot, debugpy added to an inline conda environment (or installed as it starts, when asked).
     */
    public DebuggedJob submitDebugged(Path jobFile, String compute, String experiment, RemoteStepDebug debug) {
        CommandJobBody.Job job = new CommandJobBody(jobFile, debug.uploads(new Uploads())).build(workspaceId, compute, experiment);
        var properties = (ObjectNode) job.body().path("properties");
        properties.put("command", debug.command(properties.path("command").asText()));
        String name = RunIds.next(job.experimentName(), Instant.now().getEpochSecond());
        progress.accept("Creating job " + name + " in " + workspaceId.workspaceName() + ", under the debugger...");
        Path codeFolder = CommandJobBody.codeFolder(jobFile);
        int processes = Math.max(1, properties.path("resources").path("instanceCount").asInt(1))
                * Math.max(1, properties.path("distribution").path("processCountPerInstance").asInt(1));
        return new DebuggedJob(workspace.jobs().createOrUpdate(name, job.body()), codeFolder, processes);
    }

    /** A command job submitted under the debug shim: the local code folder paths map from, and how many processes run it. */
    public record DebuggedJob(Job job, Path codeFolder, int processes) {
    }

    /** A submitted pipeline job and its steps by name. */
    public record PipelineSubmission(Job job, Map<String, PipelineJobBody.Step> steps) {
    }

    private final class Uploads implements CommandJobBody.Uploads {
        @Override
        public String code(Path folder) {
            progress.accept("Uploading the code snapshot of " + folder + "...");
            return workspace.codes().uploadCode(folder, SnapshotIgnore.of(folder), transfers);
        }

        @Override
        public URI input(Path fileOrFolder) {
            progress.accept("Uploading the input " + fileOrFolder + "...");
            return workspace.storage().uploadLocal(fileOrFolder, transfers);
        }

        @Override
        public String environment(String image, String condaFileText) {
            return workspace.environmentVersions().createAnonymous(image, condaFileText);
        }

        @Override
        public String component(String version, ObjectNode componentVersionBody) {
            progress.accept("Registering the step's component " + Components.ANONYMOUS + ":" + version + "...");
            return workspace.components().createOrUpdate(Components.ANONYMOUS, version, componentVersionBody);
        }
    }
}
