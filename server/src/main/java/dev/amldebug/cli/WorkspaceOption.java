package dev.amldebug.cli;

import com.github.dockerjava.api.DockerClient;
import dev.amldebug.runner.docker.DockerConnection;
import dev.amldebug.runner.docker.DockerUnavailableException;
import dev.amldebug.runner.run.Reconciler;
import dev.amldebug.runner.run.RunContainers;
import dev.amldebug.runner.run.RunStore;
import java.io.PrintWriter;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/** The --workspace option and what hangs off it: the run store, and Docker when a command needs it. */
final class WorkspaceOption {
    @Option(names = {"-w", "--workspace"}, paramLabel = "DIR", defaultValue = "${env:AML_DEBUG_WORKSPACE:-.}",
            description = "Folder whose .azureml/runs holds the run store (default: the current folder,"
                    + " or AML_DEBUG_WORKSPACE).")
    Path workspace;

    private DockerClient docker;

    Path path() {
        return workspace.toAbsolutePath().normalize();
    }

    RunStore store() {
        return new RunStore(path());
    }

    DockerClient docker() {
        if (docker == null) {
            docker = DockerConnection.open();
        }
        return docker;
    }

    /**
     * Updates runs left behind by processes that ended. Without Docker, the store is still
     * readable: say so and go on.
     */
    void reconcile(PrintWriter err) throws InterruptedException {
        if (store().list().stream().noneMatch(r -> r.isActive())) {
            return;
        }
        try {
            new Reconciler(store(), new RunContainers(docker())).reconcile().forEach(note -> err.println("note: " + note));
        } catch (DockerUnavailableException e) {
            err.println("note: active runs were not checked: " + e.getMessage());
        }
    }
}
