package dev.amldebug.runner.run;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.exception.DockerException;
import dev.amldebug.errors.AmlDebugException;
import dev.amldebug.runner.debug.DebugOptions;
import dev.amldebug.runner.deploy.DeploymentSpec;
import dev.amldebug.runner.deploy.ModelRef;
import dev.amldebug.runner.deploy.ScoringServer;
import dev.amldebug.runner.image.EnvironmentImages;
import dev.amldebug.runner.image.ImageBuildListener;
import dev.amldebug.runner.image.ImageRef;
import dev.amldebug.runner.image.ImageUsage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;

/**
 * Starts deployments in local inference containers: Queued, Preparing (the image), Running
 * (Starting until {@code GET /} answers Healthy). {@link DeploymentFollower} follows them to their end.
 */
public final class DeploymentRunner {
    private final DockerClient docker;
    private final RunStore store;
    private final ImageUsage usage;

    public DeploymentRunner(DockerClient docker, RunStore store, ImageUsage usage) {
        this.docker = docker;
        this.store = store;
        this.usage = usage;
    }

    public String queue(DeploymentSpec spec) {
        RunRecord record = new RunRecord();
        record.id = RunIds.next(spec.name(), Instant.now().getEpochSecond());
        record.kind = RunKind.deployment;
        record.experiment = spec.name();
        record.displayName = spec.name();
        record.source = spec.source().toString();
        record.codeDir = spec.appDir().toString();
        record.deployment().setModel(spec.model());
        record.status = RunStatus.Queued;
        record.createdAt = Instant.now();
        RunOwner.claim(record);
        store.create(record);
        return record.id;
    }

    /** Builds or reuses the image and starts the container; failures are recorded, logged and thrown on. */
    public RunRecord start(String runId, DeploymentSpec spec, int hostPort, DebugOptions debug, RunListener listener) {
        ControlLog log = new ControlLog(store.controlLog(runId), listener);
        try {
            log.line("Deployment " + spec.name() + " (run " + runId + ") from " + spec.source());
            spec.notes().forEach(log::line);
            listener.statusChanged(store.update(runId, r -> r.status = RunStatus.Preparing));
            ImageRef image = new EnvironmentImages(docker).ensure(spec.environment(), ImageBuildListener.lines(log::line));
            usage.touch(image.hash());
            snapshot(spec.appDir(), spec.model(), store.snapshot(runId));
            new RunNetworks(docker).create(runId, store.workspace());
            DeploymentContainer container = new DeploymentContainer(spec, runId, store.workspace(), store.snapshot(runId),
                    hostPort, debug);
            String containerId = container.toCommand(docker, image.tag()).exec().getId();
            start(containerId, hostPort);
            String published = DebugEndpoint.of(docker, store, runId, containerId);
            String endpoint = debug == null ? null : published;
            RunRecord running = store.update(runId, r -> {
                r.status = RunStatus.Running;
                r.startedAt = Instant.now();
                r.image = image.tag();
                r.containerId = containerId;
                r.debugEndpoint = endpoint;
                r.deployment().starting("http://127.0.0.1:" + hostPort + "/score", debug == null ? published : null);
            });
            log.line("Started container " + containerId.substring(0, 12) + " from " + image.tag() + "; scoring at "
                    + running.deployment().scoringUri() + (endpoint == null ? "" : ", debugpy at " + endpoint) + ".");
            log.line("The scoring timeout (" + spec.requestSettings().requestTimeoutMs() + " ms) and liveness checks are suspended while a"
                    + " debugger is attached: a paused debugger is never killed.");
            listener.event(new RunEvent.ContainerStarted(runId, containerId, endpoint));
            listener.statusChanged(running);
            return running;
        } catch (RuntimeException e) {
            log.line("The deployment could not start: " + e.getMessage());
            listener.statusChanged(new RunFinisher(store, new RunContainers(docker)).fail(runId, e.getMessage()));
            throw e;
        }
    }

    /** Starts the container; a port taken since it was chosen (by anything on the machine) is said as such. */
    private void start(String containerId, int hostPort) {
        try {
            docker.startContainerCmd(containerId).exec();
        } catch (DockerException e) {
            String message = String.valueOf(e.getMessage());
            if (message.contains("port is already allocated") || message.contains("address already in use")) {
                throw AmlDebugException.badInput("Port " + hostPort + " on 127.0.0.1 was taken by another program"
                        + " between aml-debug choosing it and Docker publishing it: run `aml-debug deploy up` again, or"
                        + " pick a port with --port.");
            }
            throw e;
        }
    }

    /** The app folder as the container sees it, with the model's mount point inside it. */
    static void snapshot(Path appDir, ModelRef model, Path target) {
        CodeSnapshot.take(appDir, target);
        Path mountPoint = target.resolve(model.containerPath().substring(
                ScoringServer.APP_ROOT.length() + 1));
        try {
            if (Files.isDirectory(model.path())) {
                Files.createDirectories(mountPoint);
            } else {
                Files.createDirectories(mountPoint.getParent());
                Files.deleteIfExists(mountPoint);
                Files.createFile(mountPoint);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot prepare the model's mount point in " + target, e);
        }
    }

    public RunStore store() {
        return store;
    }
}
