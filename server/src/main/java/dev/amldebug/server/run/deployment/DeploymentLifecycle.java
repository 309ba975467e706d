package dev.amldebug.server.run.deployment;

import dev.amldebug.runner.run.SubmittedRun;
import com.github.dockerjava.api.DockerClient;
import dev.amldebug.runner.deploy.DeploymentSpec;
import dev.amldebug.runner.deploy.HostPorts;
import dev.amldebug.runner.image.ImageUsage;
import dev.amldebug.runner.run.DeploymentFollower;
import dev.amldebug.runner.run.DeploymentRunner;
import dev.amldebug.runner.run.RunListener;
import dev.amldebug.runner.run.RunRecord;
import dev.amldebug.runner.run.RunStore;
import java.util.function.Consumer;

/** The lifecycle of a deployment run, for the run service: not exit-code driven, but healthy or not until brought down. */
public final class DeploymentLifecycle {
    /** A deployment checked and queued: what starting it needs. */
    public record Queued(String runId, DeploymentSpec spec, int port) {
    }

    private final DockerClient docker;
    private final RunStore store;
    private final DeploymentRunner runner;

    public DeploymentLifecycle(DockerClient docker, RunStore store, ImageUsage usage) {
        this.docker = docker;
        this.store = store;
        this.runner = new DeploymentRunner(docker, store, usage);
    }

    /** Bad input, and a pinned port that is taken, are thrown here, before anything is queued. */
    public Queued queue(DeploymentRequest request, String baseImage) {
        DeploymentSpec spec = Deployments.spec(request, store.workspace(), baseImage);
        int port = HostPorts.scoring(request.port());
        return new Queued(runner.queue(spec), spec, port);
    }

    public void startAndFollow(Queued queued, DeploymentRequest request, SubmittedRun run, RunListener listener,
                        Consumer<String> followInBackground) {
        try {
            RunRecord started = runner.start(queued.runId(), queued.spec(), queued.port(), request.debug(), listener);
            if (request.detach()) {
                followInBackground.accept(queued.runId());
            }
            run.started().complete(started);
            run.ended().complete(request.detach() ? started
                    : new DeploymentFollower(docker, store).follow(queued.runId(), listener));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            run.fail(e);
        } catch (RuntimeException e) {
            run.fail(e);
        }
    }
}
