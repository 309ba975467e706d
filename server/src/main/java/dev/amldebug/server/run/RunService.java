package dev.amldebug.server.run;

import dev.amldebug.server.run.deployment.DeploymentRequest;
import dev.amldebug.server.run.deployment.DeploymentLifecycle;
import dev.amldebug.server.run.pipeline.PipelineRequest;
import dev.amldebug.server.run.pipeline.PipelineListener;
import dev.amldebug.server.run.pipeline.PipelineLifecycle;
import dev.amldebug.runner.run.SubmittedRun;
import com.github.dockerjava.api.DockerClient;
import dev.amldebug.bridge.hub.DebugHub;
import dev.amldebug.bridge.target.BridgeTarget;
import dev.amldebug.runner.image.ImageUsage;
import dev.amldebug.runner.run.DeploymentFollower;
import dev.amldebug.runner.run.DeploymentRestarter;
import dev.amldebug.runner.run.DetachedRunFollower;
import dev.amldebug.runner.run.PipelineRuns;
import dev.amldebug.runner.run.Reconciler;
import dev.amldebug.runner.run.RunCanceller;
import dev.amldebug.runner.run.RunContainers;
import dev.amldebug.runner.run.RunKind;
import dev.amldebug.runner.run.RunListener;
import dev.amldebug.runner.run.RunRecord;
import dev.amldebug.runner.run.RunStore;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.Executor;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * The runs of one workspace: submit, follow, cancel, reconcile, and the debug target of a run.
 * The CLI, the language server and the debug adapter all start and follow runs through here.
 * It owns the workspace's run store; Docker is opened on first need. Each kind's lifecycle is its own
 * ({@link JobLifecycle}, {@link DeploymentLifecycle}, {@link PipelineLifecycle}).
 */
public final class RunService {
    private final RunStore store;
    private final String baseImage;
    private final Supplier<DockerClient> docker;
    private final ImageUsage usage;
    private final Executor executor;
    private final RunWatchers watchers = new RunWatchers();
    private final RankHubs hubs;
    private final FollowedRuns followed;

    public RunService(RunStore store, String baseImage, Supplier<DockerClient> docker, ImageUsage usage,
                      Executor executor) {
        this.store = store;
        this.baseImage = baseImage;
        this.docker = docker;
        this.usage = usage;
        this.executor = executor;
        this.hubs = new RankHubs(docker, executor);
        this.followed = new FollowedRuns(store);
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
        JobLifecycle lifecycle = new JobLifecycle(docker, store, usage, hubs);
        JobLifecycle.Queued queued = lifecycle.queue(request, baseImage);
        SubmittedRun run = new SubmittedRun(queued.runId());
        followed.track(run, request.detach());
        RunListener all = watchers.listeners(store.read(run.id()), listener);
        executor.execute(() -> lifecycle.startAndFollow(queued, request, run, all, followed::followInBackground));
        return run;
    }

    /** The debug hub of a distributed run debugged by this process, while it runs. */
    public Optional<DebugHub> debugHub(String runId) {
        return hubs.of(runId);
    }

    /** When each rank of a distributed run debugged by this process dialled its debug hub, by rank; kept after the run. */
    public Map<Integer, Instant> rankHubJoins(String runId) {
        return hubs.joins(runId);
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
        followed.track(run, request.detach());
        RunListener all = watchers.listeners(store.read(run.id()), listener);
        executor.execute(() -> lifecycle.startAndFollow(queued, request, run, all, followed::followInBackground));
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
        followed.track(run, false);
        RunListener all = watchers.listeners(queued.pipeline(), listener);
        executor.execute(() -> lifecycle.run(queued, request, run, all, listener, watchers::listeners));
        return run;
    }

    /** Picks up edits to a deployment's code; nothing is rebuilt. */
    public RunRecord restartDeployment(String runId) {
        return new DeploymentRestarter(docker.get(), store).restart(runId);
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
        followed.handOver();
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
