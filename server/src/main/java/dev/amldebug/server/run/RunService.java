package dev.amldebug.server.run;

import com.github.dockerjava.api.DockerClient;
import dev.amldebug.bridge.target.BridgeTarget;
import dev.amldebug.runner.distributed.DistributedRunner;
import dev.amldebug.runner.image.ImageUsage;
import dev.amldebug.runner.run.ControlLog;
import dev.amldebug.runner.run.DeploymentFollower;
import dev.amldebug.runner.run.DeploymentRestarter;
import dev.amldebug.runner.run.DetachedRunFollower;
import dev.amldebug.runner.run.RunKind;
import dev.amldebug.runner.run.LocalRun;
import dev.amldebug.runner.run.LocalRunner;
import dev.amldebug.runner.run.PipelineRuns;
import dev.amldebug.runner.run.Reconciler;
import dev.amldebug.runner.run.RunCanceller;
import dev.amldebug.runner.run.RunContainers;
import dev.amldebug.runner.run.RunListener;
import dev.amldebug.runner.run.RunFinisher;
import dev.amldebug.runner.run.RunRecord;
import dev.amldebug.runner.run.RunStatus;
import dev.amldebug.runner.run.RunStore;
import dev.amldebug.runner.spec.RunSpec;
import dev.amldebug.runner.spec.RunSpecLoader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executor;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * The runs of one workspace: submit, follow, cancel, reconcile, and the debug target of a run.
 * The CLI, the language server and the debug adapter all start and follow runs through here.
 * It owns the workspace's run store; Docker is opened on first need.
 */
public final class RunService {
    private final RunStore store;
    private final String baseImage;
    private final Supplier<DockerClient> docker;
    private final ImageUsage usage;
    private final Executor executor;
    private final List<Function<RunRecord, RunListener>> watchers = new CopyOnWriteArrayList<>();
    private final RankHubs hubs;
    /** Runs this process follows to their end. */
    private final java.util.Set<String> followed = java.util.concurrent.ConcurrentHashMap.newKeySet();

    public RunService(RunStore store, String baseImage, Supplier<DockerClient> docker, ImageUsage usage,
                      Executor executor) {
        this.store = store;
        this.baseImage = baseImage;
        this.docker = docker;
        this.usage = usage;
        this.executor = executor;
        this.hubs = new RankHubs(docker, executor);
    }

    public RunStore store() {
        return store;
    }

    public Path workspace() {
        return store.workspace();
    }

    /** {@code watcher} gives a listener for each run this service starts from now on, as it is queued. */
    public void addWatcher(Function<RunRecord, RunListener> watcher) {
        watchers.add(watcher);
    }

    /**
     * Checks the request and queues the run, then prepares, starts and follows it in the
     * background. Bad input and an unreachable Docker are thrown here, before anything is queued.
     * A job with a distribution runs as a distributed run: a container per node, its ranks debugged as
     * {@link RunRequest#rankDebug()} says.
     */
    public SubmittedRun submit(RunRequest request, RunListener listener) {
        RunSpec loaded = new RunSpecLoader(baseImage).load(workspace().resolve(request.source()),
                request.environment() == null ? null : workspace().resolve(request.environment()), request.arguments());
        RunSpec spec = request.experiment() == null ? loaded : loaded.withExperimentName(request.experiment());
        DistributedRequests.check(request, spec);
        LocalRunner runner = new LocalRunner(docker.get(), store, usage);
        SubmittedRun run = new SubmittedRun(runner.queue(spec));
        if (request.replayOf() != null) {
            store.update(run.id(), record -> record.replayOf = request.replayOf());
        }
        track(run, request.detach());
        RunListeners all = listenersOf(store.read(run.id()), listener);
        executor.execute(() -> follow(runner, spec, request, all, run));
        return run;
    }

    private void follow(LocalRunner runner, RunSpec spec, RunRequest request, RunListener listener, SubmittedRun run) {
        try {
            LocalRun local = spec.isDistributed()
                    ? new DistributedRunner(docker.get(), store, usage).start(run.id(), spec, request.detach(),
                            rankDebug(run.id(), spec, request), listener)
                    : runner.start(run.id(), spec, request.startOptions(), listener);
            if (spec.isDistributed()) {
                // The nodes run: progress ends, and an editor attaches to a debugged run's hub by its run id.
                listener.event(new dev.amldebug.runner.run.RunEvent.ContainerStarted(run.id(), null, hubs.of(run.id())
                        .map(hub -> hub.address().getHostString() + ":" + hub.address().getPort()).orElse(null)));
            }
            if (request.detach()) {
                // Before the start is known: a CLI that detaches exits as soon as it is.
                followInBackground(run.id());
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
    private dev.amldebug.runner.distributed.RankDebug rankDebug(String runId, RunSpec spec, RunRequest request) {
        return request.debug() == null ? request.rankDebug() : hubs.open(runId, spec, request.debug(), request.debugRanks());
    }

    /** The debug hub of a distributed run debugged by this process, while it runs. */
    public java.util.Optional<dev.amldebug.bridge.hub.DebugHub> debugHub(String runId) {
        return hubs.of(runId);
    }

    /**
     * Starts a local deployment: queued at once, then image, container and scoring server in the
     * background. {@code started} completes once the container runs (health Starting); the
     * deployment then lives until it is brought down or fails.
     */
    public SubmittedRun deploy(DeploymentRequest request, RunListener listener) {
        DeploymentLifecycle lifecycle = new DeploymentLifecycle(docker.get(), store, usage);
        DeploymentLifecycle.Queued queued = lifecycle.queue(request, baseImage);
        SubmittedRun run = new SubmittedRun(queued.runId());
        track(run, request.detach());
        RunListeners all = listenersOf(store.read(run.id()), listener);
        executor.execute(() -> lifecycle.startAndFollow(queued, request, run, all, this::followInBackground));
        return run;
    }

    /**
     * Starts a local pipeline: the parent run and a child run per step are queued at once (bad input is thrown
     * here), then the steps run in dependency order in the background. {@code started} completes when the
     * pipeline runs, {@code ended} when every step ended. Each step's child run is followed like any run: the
     * watchers get a listener for it.
     */
    public SubmittedRun submitPipeline(PipelineRequest request, PipelineListener listener) {
        PipelineLifecycle lifecycle = new PipelineLifecycle(docker, store, usage, baseImage, executor);
        PipelineLifecycle.Queued queued = lifecycle.queue(request);
        SubmittedRun run = new SubmittedRun(queued.pipeline().id);
        track(run, false);
        RunListeners all = listenersOf(queued.pipeline(), listener);
        executor.execute(() -> lifecycle.run(queued, request, run, all, listener, this::listenersFor));
        return run;
    }

    /** Picks up edits to a deployment's code; nothing is rebuilt. */
    public RunRecord restartDeployment(String runId) {
        return new DeploymentRestarter(docker.get(), store).restart(runId);
    }

    /** A run this process follows is handed over to a background follower if the process exits first. */
    private void track(SubmittedRun run, boolean detached) {
        if (!detached) {
            followed.add(run.id());
            run.ended().whenComplete((record, error) -> followed.remove(run.id()));
        }
    }

    private RunListener listenersFor(RunRecord queued, RunListener listener) {
        return listenersOf(queued, listener);
    }

    private RunListeners listenersOf(RunRecord queued, RunListener listener) {
        List<RunListener> each = new ArrayList<>();
        watchers.forEach(watcher -> each.add(watcher.apply(queued)));
        each.add(listener);
        RunListeners all = new RunListeners(each);
        all.statusChanged(queued);
        return all;
    }

    /** A process of its own follows the run to its end, so that its container goes when it ends. */
    private void followInBackground(String runId) {
        BackgroundFollowers.start(workspace(), runId, store.dir(runId).resolve("logs").resolve("follower.log"));
    }

    /** Follows a run nobody follows to its end, in this process: the background follower's work. */
    public RunRecord followDetached(String runId) throws InterruptedException {
        if (store.read(runId).kind == RunKind.deployment) {
            return new DeploymentFollower(docker.get(), store).followDetached(runId);
        }
        return new DetachedRunFollower(docker.get(), store).follow(runId);
    }

    /**
     * This process is about to exit: the runs it still follows are handed to background followers,
     * so that they are recorded and cleaned up when they end.
     */
    public void handOver() {
        for (RunRecord record : store.list()) {
            boolean started = record.containerId != null || !record.distributed().nodeContainerIds().isEmpty();
            if (record.isActive() && !record.detached && started && followed.contains(record.id)) {
                DetachedRunFollower.handOver(store, record.id);
                followInBackground(record.id);
            }
        }
    }

    /** Asks the run to stop; logs and outputs are kept. A run that ended is returned as it is. */
    public RunRecord cancel(String runId) throws InterruptedException {
        RunRecord record = store.read(runId);
        if (!record.isActive()) {
            return record;
        }
        if (record.kind == RunKind.pipeline) {
            return new PipelineRuns(store).cancel(runId, new RunContainers(docker.get()));
        }
        return new RunCanceller(store, new RunContainers(docker.get())).cancel(runId);
    }

    /** Where a debugger attaches to a debug run, and what the session does around it. */
    public BridgeTarget debugTarget(String runId, boolean justMyCode) {
        RunTargets targets = new RunTargets(docker, store, this::cancelQuietly);
        return hubs.of(runId).isPresent() ? hubs.parentTarget(runId, targets.forRanks(runId, justMyCode)).orElseThrow()
                : targets.forRun(runId, justMyCode);
    }

    /** Brings runs that no live process follows up to date; one sentence per change. */
    public List<String> reconcile() throws InterruptedException {
        if (store.list().stream().noneMatch(RunRecord::isActive)) {
            return List.of();
        }
        return new Reconciler(store, new RunContainers(docker.get())).reconcile();
    }

    private void cancelQuietly(String runId) {
        try {
            cancel(runId);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
