package dev.amldebug.server.azure;

import dev.amldebug.azure.Job;
import dev.amldebug.azure.LogSelection;
import dev.amldebug.azure.Page;
import dev.amldebug.azure.WorkspaceClient;
import dev.amldebug.bridge.BridgeTarget;
import dev.amldebug.bridge.PathMapping;
import dev.amldebug.errors.AmlDebugException;
import dev.amldebug.server.debug.HostTarget;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;

/**
 * Watches a submitted pipeline for one debugged step: finds the step's child run in run history (by step name or the
 * display name it was submitted with) as soon as it exists, then follows its log through the client until the shim's
 * {@link StepEndpoint} line appears.
 */
public final class StepEndpointWatch {
    private static final long POLL_MILLIS = 1000;
    private final WorkspaceClient workspace;
    private final Consumer<String> progress;

    public StepEndpointWatch(WorkspaceClient workspace, Consumer<String> progress) {
        this.workspace = workspace;
        this.progress = progress;
    }

    /** A step's run and where its debugpy listens. */
    public record Found(String runId, StepEndpoint endpoint) {
        /**
         * The debug target of the step's debugpy: the step's local code folder maps to the working directory the shim
         * reported; the address policy holds (loopback and private only unless {@code allowPublic}).
         */
        public BridgeTarget target(PipelineJobBody.Step step, boolean allowPublic, boolean allCode) {
            return HostTarget.withMappings(endpoint.host(), endpoint.port(),
                    List.of(new PathMapping(step.codeFolder().toString(), endpoint.cwd())), allowPublic, allCode);
        }
    }

    /**
     * The step's run and endpoint; empty when the step ended without one (debugpy missing from its environment: its log
     * says so), which {@code progress} is told.
     */
    public Optional<Found> await(String pipelineJob, PipelineJobBody.Step step, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        progress.accept("Waiting for step " + step.name() + " of " + pipelineJob + " to start (up to " + timeout.toSeconds()
                + " s)...");
        String runId = childRun(pipelineJob, step, deadline);
        progress.accept("Step " + step.name() + " is run " + runId + "; following its log for the debug shim's address...");
        AtomicReference<StepEndpoint> found = new AtomicReference<>();
        workspace.logs().follow(runId, LogSelection.defaults(), true, (source, text) -> {
            if (found.get() == null) {
                StepEndpoint.first(text).ifPresent(found::set);
            }
        }, () -> found.get() != null || System.nanoTime() > deadline || Thread.currentThread().isInterrupted());
        if (found.get() != null) {
            return Optional.of(new Found(runId, found.get()));
        }
        if (System.nanoTime() > deadline) {
            throw AmlDebugException.environment("Step " + step.name() + " (" + runId + ") printed no debug address within "
                    + timeout.toSeconds() + " s. See its log: aml-debug azure jobs logs " + runId + "; wait longer with"
                    + " --wait-timeout.", null);
        }
        Job ended = workspace.jobs().get(runId);
        progress.accept("Step " + step.name() + " (" + runId + ") ended (" + ended.status() + ") without starting debugpy:"
                + " debugpy may be missing from its environment (submit with --install-debugpy). See its log:"
                + " aml-debug azure jobs logs " + runId);
        return Optional.empty();
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
