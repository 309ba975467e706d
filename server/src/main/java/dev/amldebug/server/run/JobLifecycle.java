package dev.amldebug.server.run;

import dev.amldebug.runner.run.SubmittedRun;
import com.github.dockerjava.api.DockerClient;
import dev.amldebug.runner.distributed.DistributedRunner;
import dev.amldebug.runner.distributed.RankDebug;
import dev.amldebug.runner.image.ImageUsage;
import dev.amldebug.runner.run.ControlLog;
import dev.amldebug.runner.run.LocalRun;
import dev.amldebug.runner.run.LocalRunner;
import dev.amldebug.runner.run.RunContainers;
import dev.amldebug.runner.run.RunEvent;
import dev.amldebug.runner.run.RunFinisher;
import dev.amldebug.runner.run.RunListener;
import dev.amldebug.runner.run.RunStatus;
import dev.amldebug.runner.run.RunStore;
import dev.amldebug.runner.spec.RunSpec;
import dev.amldebug.runner.spec.RunSpecLoader;
import java.nio.file.Path;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * The lifecycle of a job run (kind command, or distributed with a container per node), for the run service: queued,
 * started, followed to the exit of its container or nodes; a distributed job under the debugger has its debug hub
 * open from before the nodes start until the run ends.
 */
record JobLifecycle(Supplier<DockerClient> docker, RunStore store, ImageUsage usage, RankHubs hubs) {
    /** A job checked and queued: what starting it needs. */
    record Queued(String runId, RunSpec spec, LocalRunner runner) {
    }

    /** Bad input, then an unreachable Docker, are thrown here, before anything is queued. */
    Queued queue(RunRequest request, String baseImage) {
        Path workspace = store.workspace();
        RunSpec loaded = new RunSpecLoader(baseImage).load(workspace.resolve(request.source()),
                request.environment() == null ? null : workspace.resolve(request.environment()), request.arguments());
        RunSpec spec = request.experiment() == null ? loaded : loaded.withExperimentName(request.experiment());
        DistributedRequests.check(request, spec);
        LocalRunner runner = new LocalRunner(docker.get(), store, usage);
        String runId = runner.queue(spec);
        if (request.replayOf() != null) {
            store.update(runId, record -> record.replayOf = request.replayOf());
        }
        return new Queued(runId, spec, runner);
    }

    void startAndFollow(Queued queued, RunRequest request, SubmittedRun run, RunListener listener,
                        Consumer<String> followInBackground) {
        RunSpec spec = queued.spec();
        try {
            LocalRun local = spec.isDistributed()
                    ? new DistributedRunner(docker.get(), store, usage).start(run.id(), spec, request.detach(),
                            rankDebug(run.id(), spec, request), listener)
                    : queued.runner().start(run.id(), spec, request.startOptions(), listener);
            if (spec.isDistributed()) {
                // The nodes run: progress ends, and an editor attaches to a debugged run's hub by its run id.
                listener.event(new RunEvent.ContainerStarted(run.id(), null, hubs.of(run.id())
                        .map(hub -> hub.address().getHostString() + ":" + hub.address().getPort()).orElse(null)));
            }
            if (request.detach()) {
                // Before the start is known: a CLI that detaches exits as soon as it is.
                followInBackground.accept(run.id());
            }
            run.started().complete(local.record());
            run.ended().complete(request.detach() ? local.record() : local.await());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            run.fail(e);
        } catch (RuntimeException e) {
            recordFailedStart(run.id(), e, listener);
            run.fail(e);
        } finally {
            hubs.close(run.id());
        }
    }

    /** A start that failed before the runner took the run (its debug hub, say) still ends the run, with the reason. */
    private void recordFailedStart(String runId, RuntimeException error, RunListener listener) {
        if (store.read(runId).status != RunStatus.Queued) {
            return;
        }
        new ControlLog(store.controlLog(runId), listener)
                .line("The run could not start: " + error.getMessage());
        listener.statusChanged(new RunFinisher(store, new RunContainers(docker.get())).fail(runId, error.getMessage()));
    }

    /** A distributed job under {@code debug}: its ranks dial the run's debug hub; else the request's own hook. */
    private RankDebug rankDebug(String runId, RunSpec spec, RunRequest request) {
        return request.debug() == null ? request.rankDebug() : hubs.open(runId, spec, request.debug(), request.debugRanks());
    }
}
