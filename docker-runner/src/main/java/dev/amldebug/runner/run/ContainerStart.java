package dev.amldebug.runner.run;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.exception.DockerException;
import dev.amldebug.errors.AmlDebugException;
import dev.amldebug.runner.spec.Gpus;

/** Starts a run's container; what the engine cannot give (GPUs) is said in a sentence, not as Docker's error. */
public final class ContainerStart {
    private ContainerStart() {
    }

    public static void start(DockerClient docker, String containerId) {
        try {
            docker.startContainerCmd(containerId).exec();
        } catch (DockerException e) {
            if (Gpus.isMissingSupport(e.getMessage())) {
                throw AmlDebugException.environment(Gpus.unavailable(e.getMessage()), e);
            }
            throw e;
        }
    }
}
