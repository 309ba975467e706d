package dev.amldebug.server.azure;

import dev.amldebug.azure.Job;
import dev.amldebug.azure.WorkspaceClient;
import dev.amldebug.azure.config.WorkspaceId;
import dev.amldebug.runner.run.RunIds;
import java.net.URI;
import java.nio.file.Path;
import java.time.Instant;
import java.util.function.Consumer;

/** Submits a local command or pipeline job YAML to a compute of an Azure ML workspace. */
public final class AzureSubmitter {
    private final WorkspaceClient workspace;
    private final WorkspaceId workspaceId;
    private final Consumer<String> progress;

    /** @param progress one line per step (uploading the code, creating the job) */
    public AzureSubmitter(WorkspaceClient workspace, WorkspaceId workspaceId, Consumer<String> progress) {
        this.workspace = workspace;
        this.workspaceId = workspaceId;
        this.progress = progress;
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

    /** A submitted pipeline job and its steps by name. */
    public record PipelineSubmission(Job job, java.util.Map<String, PipelineJobBody.Step> steps) {
    }

    private final class Uploads implements CommandJobBody.Uploads {
        @Override
        public String code(Path folder) {
            progress.accept("Uploading the code snapshot of " + folder + "...");
            return workspace.codes().uploadCode(folder, SnapshotIgnore.of(folder));
        }

        @Override
        public URI input(Path fileOrFolder) {
            progress.accept("Uploading the input " + fileOrFolder + "...");
            return workspace.codes().uploadInput(fileOrFolder);
        }

        @Override
        public String environment(String image, String condaFileText) {
            return workspace.environmentVersions().createAnonymous(image, condaFileText);
        }
    }
}
