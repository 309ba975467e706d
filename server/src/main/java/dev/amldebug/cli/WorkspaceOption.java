package dev.amldebug.cli;

import com.github.dockerjava.api.DockerClient;
import dev.amldebug.runner.docker.DockerUnavailableException;
import dev.amldebug.runner.image.ImageUsage;
import dev.amldebug.runner.run.RunStore;
import dev.amldebug.server.run.RunService;
import dev.amldebug.server.run.RunServices;
import dev.amldebug.server.threads.ServerThreads;
import java.io.PrintWriter;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/**
 * The --folder option and what hangs off it for one command: the workspace's run service
 * (built once, on first use), the threads it runs on, and Docker when a command needs it.
 */
final class WorkspaceOption {
    @Option(names = "--folder", paramLabel = "DIR",
            description = "The folder whose run store holds the runs (default: the current folder, or"
                    + " AML_DEBUG_FOLDER).")
    Path folder;

    private final CliContext context;
    private RunServices services;

    WorkspaceOption(CliContext context) {
        this.context = context;
    }

    Path path() {
        return (folder == null ? context.defaultFolder() : folder).toAbsolutePath().normalize();
    }

    ServerThreads threads() {
        return context.threads();
    }

    synchronized RunServices services(String baseImage) {
        if (services == null) {
            services = new RunServices(baseImage, context.docker(), ImageUsage.inUserCache(), threads().blocking());
        }
        return services;
    }

    /** The workspace's runs; the base image matters only to commands that start runs. */
    RunService runs(String baseImage) {
        return services(baseImage).forWorkspace(path());
    }

    /** The Azure ML workspace {@code names} and this folder's .azureml/config.json say. */
    AzureOption azure(AzureWorkspaceOptions names) {
        AzureOption azure = new AzureOption(context);
        azure.names = names;
        azure.folder = path();
        return azure;
    }

    RunService runs() {
        return runs(BaseImageOption.DEFAULT);
    }

    RunStore store() {
        return runs().store();
    }

    DockerClient docker() {
        return services(BaseImageOption.DEFAULT).docker().get();
    }

    /**
     * Updates runs left behind by processes that ended. Without Docker, the store is still
     * readable: say so and go on.
     */
    void reconcile(PrintWriter err) throws InterruptedException {
        try {
            runs().reconcile().forEach(note -> err.println("note: " + note));
        } catch (DockerUnavailableException e) {
            err.println("note: active runs were not checked: " + e.getMessage());
        }
    }
}
