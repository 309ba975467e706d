package dev.amldebug.runner.run;

import com.github.dockerjava.api.DockerClient;
import dev.amldebug.runner.image.ImageRef;
import dev.amldebug.runner.image.ImageUsage;
import dev.amldebug.runner.spec.InputMount;
import dev.amldebug.runner.spec.RunSpec;
import java.nio.file.Path;
import java.util.List;
import java.time.Instant;

/**
 * Starts runs in local containers: Queued, Preparing (the image), Running. The returned
 * {@link LocalRun} follows the container to its end; a detached run is left to reconciliation.
 */
public final class LocalRunner {
    private final DockerClient docker;
    private final RunStore store;
    private final Path workspace;
    private final ImageUsage usage;

    public LocalRunner(DockerClient docker, RunStore store, ImageUsage usage) {
        this.docker = docker;
        this.workspace = store.workspace();
        this.store = store;
        this.usage = usage;
    }

    /**
     * Records the run as Queued and returns its id at once; {@link #start} does the rest, or for a distributed run
     * {@code distributed.DistributedRunner}.
     */
    public String queue(RunSpec spec) {
        RunRecord record = new RunRecord();
        record.id = RunIds.next(spec.experimentName(), Instant.now().getEpochSecond());
        record.experiment = spec.experimentName();
        record.displayName = spec.displayName();
        record.source = spec.source().toString();
        record.codeDir = spec.codeDir().toString();
        record.kind = spec.isDistributed() ? RunKind.distributed : RunKind.command;
        if (spec.isDistributed()) {
            record.distributed().layOut(spec.distribution().type().name(), spec.distribution().nodes(),
                    spec.distribution().worldSize());
        }
        record.status = RunStatus.Queued;
        record.createdAt = Instant.now();
        RunOwner.claim(record);
        store.create(record);
        return record.id;
    }

    /**
     * Builds or reuses the image and starts the container. On failure the run is recorded as
     * Failed, the reason is in its control log, and the exception is thrown on.
     */
    public LocalRun start(String runId, RunSpec spec, StartOptions options, RunListener listener) {
        return new RunStart(docker, store, usage).start(runId, spec, listener,
                (image, log, finisher) -> startContainer(runId, spec, image, options, log, listener, finisher),
                LocalRun::ended);
    }

    private LocalRun startContainer(String runId, RunSpec spec, ImageRef image, StartOptions options, ControlLog log,
                                    RunListener listener, RunFinisher finisher) {
        boolean detach = options.detach();
        CodeSnapshot.take(spec.codeDir(), store.snapshot(runId));
        CodeSnapshot.workingCopy(store.snapshot(runId), store.workingCopy(runId));
        new ImageUser(docker).handOver(image.tag(), List.of(store.workingCopy(runId), store.outputs(runId),
                store.mlruns(runId)));
        for (InputMount input : spec.inputs()) {
            if (!input.hostPath().startsWith(workspace)) {
                log.line("Input " + input.name() + " comes from " + input.hostPath() + ", outside the workspace;"
                        + " it is mounted read-only.");
            }
        }
        // A run not under the debugger gets the dormant hook, so that a debugger can join it later (aml-debug attach).
        ContainerRequest request = new ContainerRequest(spec, runId, workspace, store.workingCopy(runId),
                store.outputs(runId), options.debug(), true);
        if (!spec.environmentVariables().isEmpty()) {
            log.line("Environment variables: " + String.join(", ", spec.environmentVariables().keySet())
                    + " (values are never logged).");
        }
        if (request.publishesDebugPort()) {
            new RunNetworks(docker).create(runId, workspace);
        }
        String containerId = request.toCommand(docker, image.tag()).exec().getId();
        ContainerStart.start(docker, containerId);
        String endpoint = options.debug() == null ? null : DebugEndpoint.of(docker, store, runId, containerId);
        // Null when the script ended already: there is nothing to join.
        String attachEndpoint = options.debug() == null ? DebugEndpoint.ifRunning(docker, containerId) : null;
        DriverLogStream driver = detach ? null : new DriverLogStream(runId, store, listener, endpoint);
        if (driver != null) {
            docker.logContainerCmd(containerId).withStdOut(true).withStdErr(true).withFollowStream(true).exec(driver);
        }
        RunRecord running = store.update(runId, r -> {
            r.status = RunStatus.Running;
            r.startedAt = Instant.now();
            r.image = image.tag();
            r.containerId = containerId;
            r.debugEndpoint = endpoint;
            r.attachEndpoint = attachEndpoint;
            if (detach) {
                r.detached = true;
                r.ownerPid = null;
                r.ownerStartedAt = null;
            }
        });
        log.line("Started container " + containerId.substring(0, 12) + " from " + image.tag()
                + (detach ? " (detached)" : ""));
        if (endpoint != null) {
            log.line("debugpy listens at " + endpoint + (options.debug().noWait() ? "." : "; the script waits up to "
                    + options.debug().waitTimeoutSeconds() + " s for a debugger.") + (options.debug().postMortem()
                    ? " If it raises an exception it does not handle, it waits up to " + options.debug().postMortemSeconds()
                    + " s for a debugger there (post-mortem)." : ""));
            if (!options.debug().noWait()) {
                listener.event(new RunEvent.WaitingForDebugger(runId, endpoint, options.debug().waitTimeoutSeconds()));
            }
        }
        listener.event(new RunEvent.ContainerStarted(runId, containerId, endpoint));
        listener.statusChanged(running);
        return new LocalRun(running, driver == null ? null : new ContainerFollower(
                () -> docker.waitContainerCmd(containerId).start().awaitStatusCode(), List.of(driver), exitCode -> {
                    if (driver.writeFailure().filter(DiskSpace::isFull).isPresent()) {
                        return finishOnFullDisk(runId, containerId, exitCode, finisher);
                    }
                    RunRecord ended = finisher.finish(runId, containerId, exitCode);
                    if (options.debug() != null && exitCode != 0 && !ended.cancelRequested
                            && !StartupCheck.shimStarted(store.driverLog(runId))) {
                        String error = StartupCheck.message(exitCode, StartupCheck.read(store.driverLog(runId)));
                        ended = store.update(runId, r -> r.error = error);
                        log.line(error);
                    }
                    log.line("Container exited with code " + exitCode + "; run " + ended.status + ".");
                    return ended;
                }, listener));
    }

    /** The run store's disk filled up: the run still ends, Failed, its container removed, and says why. */
    private RunRecord finishOnFullDisk(String runId, String containerId, int exitCode, RunFinisher finisher) {
        DiskSpace.makeRoom(store.driverLog(runId));
        finisher.finish(runId, containerId, exitCode);
        String error = DiskSpace.sentence(store.dir(runId).getParent());
        RunRecord ended = store.update(runId, r -> {
            r.status = r.cancelRequested ? RunStatus.Canceled : RunStatus.Failed;
            r.error = error;
        });
        new ControlLog(store.controlLog(runId), RunListener.NONE).line("The run failed: " + error + ".");
        return ended;
    }

    public RunStore store() {
        return store;
    }
}
