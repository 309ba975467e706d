package dev.amldebug.server.azure;

import dev.amldebug.azure.Job;
import dev.amldebug.azure.LogSelection;
import dev.amldebug.azure.Page;
import dev.amldebug.azure.WorkspaceClient;
import dev.amldebug.bridge.target.BridgeTarget;
import dev.amldebug.bridge.target.PathMapping;
import dev.amldebug.errors.AmlDebugException;
import dev.amldebug.server.debug.HostTarget;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.nio.file.Path;

/**
 * Watches a submitted pipeline for one debugged step: finds the step's child run in run history (by step name or the
 * display name it was submitted with) as soon as it exists, then follows its logs through the client until the shim's
 * {@link StepEndpoint} line appears, once for each of the step's processes.
 */
public final class StepEndpointWatch {
    private static final long POLL_MILLIS = 1000;
    private final WorkspaceClient workspace;
    private final Consumer<String> progress;

    public StepEndpointWatch(WorkspaceClient workspace, Consumer<String> progress) {
        this.workspace = workspace;
        this.progress = progress;
    }

    /** A step's run and where its debugpy listens; {@code failure} when it waits post-mortem, else null. */
    public record Found(String runId, StepEndpoint endpoint, StepEndpoint.Failure failure) {
        public Found(String runId, StepEndpoint endpoint) {
            this(runId, endpoint, null);
        }

        /** What names this process's debug target: the step's run, and its rank in a distributed step. */
        public String targetName() {
            return endpoint.rank() == null ? runId : runId + "/rank/" + endpoint.rank();
        }

        /**
         * The debug target of the step's debugpy: the step's local code folder maps to the working directory the shim
         * reported; the address policy holds (loopback and private only unless {@code allowPublic}).
         */
        public BridgeTarget target(Path codeFolder, boolean allowPublic, boolean allCode) {
            return HostTarget.withMappings(endpoint.host(), endpoint.port(),
                    List.of(new PathMapping(codeFolder.toString(), endpoint.cwd())), allowPublic, allCode);
        }
    }

    /**
     * Hands each process of the step to {@code onEach} as soon as its shim prints where it listens ({@code step.processes()}
     * of them: a distributed step's nodes and ranks each print one, in their own log). Returns how many were found; none
     * when the step ended without the shim's line (debugpy missing from its environment: its log says so), which
     * {@code progress} is told, as it is told of processes still missing when the step ends.
     */
    public int awaitEach(String pipelineJob, PipelineJobBody.Step step, Duration timeout, Consumer<Found> onEach) {
        long deadline = System.nanoTime() + timeout.toNanos();
        progress.accept("Waiting for step " + step.name() + " of " + pipelineJob + " to start (up to " + timeout.toSeconds()
                + " s)...");
        String runId = childRun(pipelineJob, step, deadline);
        return followEach(runId, "Step " + step.name() + " (" + runId + ")", step.processes(), deadline, timeout, onEach);
    }

    /** The same for a command job submitted under the shim: its own logs, {@code processes} of them. */
    public int awaitJob(String jobName, int processes, Duration timeout, Consumer<Found> onEach) {
        return followEach(jobName, "Job " + jobName, processes, System.nanoTime() + timeout.toNanos(), timeout, onEach);
    }

    private int followEach(String runId, String named, int processes, long deadline, Duration timeout, Consumer<Found> onEach) {
        progress.accept(named + ": following its log" + (processes > 1 ? "s for the debug shim's address in each of its "
                + processes + " processes..." : " for the debug shim's address..."));
        Set<String> seen = ConcurrentHashMap.newKeySet();
        workspace.logs().follow(runId, LogSelection.everything(), true, (source, text) -> {
            for (StepEndpoint endpoint : StepEndpoint.all(text)) {
                if (seen.add(endpoint.host() + ":" + endpoint.port() + "/" + endpoint.pid())) {
                    onEach.accept(new Found(runId, endpoint));
                }
            }
        }, () -> seen.size() >= processes || System.nanoTime() > deadline || Thread.currentThread().isInterrupted());
        if (seen.size() >= processes) {
            return seen.size();
        }
        if (System.nanoTime() > deadline && seen.isEmpty()) {
            throw AmlDebugException.environment(named + " printed no debug address within " + timeout.toSeconds()
                    + " s. See its log: aml-debug azure jobs logs " + runId + " --all; wait longer with --watch-timeout.", null);
        }
        Job ended = workspace.jobs().get(runId);
        String missing = seen.isEmpty() ? "without starting debugpy" : "with " + seen.size() + " of its " + processes
                + " processes under the debugger";
        progress.accept(named + " " + (ended.status().terminal() ? "ended (" + ended.status() + ") " : "went on ") + missing
                + ": debugpy may be missing from its environment (submit with --install-debugpy). See its log:"
                + " aml-debug azure jobs logs " + runId + " --all");
        return seen.size();
    }

    /** The step's run in its pipeline, waiting for it to start (for {@link PostMortemWatch}). */
    public String runOf(String pipelineJob, PipelineJobBody.Step step, Duration timeout) {
        return childRun(pipelineJob, step, System.nanoTime() + timeout.toNanos());
    }

    private String childRun(String pipelineJob, PipelineJobBody.Step step, long deadline) {
        while (System.nanoTime() < deadline) {
            Optional<String> child = findChild(pipelineJob, step);
            if (child.isPresent()) {
                return child.get();
            }
            Job parent = workspace.jobs().get(pipelineJob);
            if (parent.status().terminal()) {
                throw AmlDebugException.badInput("Pipeline job " + pipelineJob + " ended (" + parent.status() + ") before step "
                        + step.name() + " started. See: aml-debug azure jobs show " + pipelineJob);
            }
            sleep();
        }
        throw AmlDebugException.environment("Step " + step.name() + " of " + pipelineJob + " did not start in time; wait"
                + " longer with --wait-timeout, or see: aml-debug azure jobs show " + pipelineJob, null);
    }

    private Optional<String> findChild(String pipelineJob, PipelineJobBody.Step step) {
        String page = null;
        do {
            Page<Job> children = workspace.jobs().children(pipelineJob, page);
            for (Job child : children.items()) {
                if (step.name().equals(child.displayName()) || step.displayName().equals(child.displayName())
                        || step.name().equals(child.name())) {
                    return Optional.of(child.name());
                }
            }
            page = children.nextLink();
        } while (page != null);
        return Optional.empty();
    }

    private static void sleep() {
        try {
            TimeUnit.MILLISECONDS.sleep(POLL_MILLIS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw AmlDebugException.badInput("Interrupted while waiting for the step to start.");
        }
    }
}
