package dev.amldebug.server.azure;

import dev.amldebug.azure.Job;
import dev.amldebug.azure.WorkspaceClient;
import dev.amldebug.azure.config.WorkspaceId;
import dev.amldebug.runner.run.RunIds;
import java.net.URI;
import java.nio.file.Path;
import java.time.Instant;
import java.util.function.Consumer;

/** Submits a local command job YAML to a compute of an Azure ML workspace. */
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
