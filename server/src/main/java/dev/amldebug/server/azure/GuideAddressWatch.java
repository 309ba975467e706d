package dev.amldebug.server.azure;

import dev.amldebug.azure.Job;
import dev.amldebug.azure.LogSelection;
import dev.amldebug.azure.WorkspaceClient;
import dev.amldebug.errors.AmlDebugException;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;

/**
 * Follows a job's log until the guide's {@code ip_address:} line appears, the job ends, or the time runs out:
 * the first step of {@code azure attach} for a script that starts debugpy itself.
 */
public final class GuideAddressWatch {
    private final WorkspaceClient workspace;
    private final Consumer<String> progress;

    /** @param progress told, in a line, what is being waited for */
    public GuideAddressWatch(WorkspaceClient workspace, Consumer<String> progress) {
        this.workspace = workspace;
        this.progress = progress;
    }

    /** The address the job's log names; the log is read from the start, so a line printed long ago counts. */
    public String await(String jobName, LogSelection log, Duration timeout) {
        Job job = workspace.jobs().get(jobName);
        if (job.status().terminal()) {
            throw AmlDebugException.badInput("Job " + jobName + " has ended (" + job.status() + "): there is no debugpy left"
                    + " to attach to. Replay it on this machine instead: aml-debug azure replay " + jobName);
        }
        progress.accept("Waiting for `ip_address:` in the log of " + jobName + " (" + job.status() + ", up to "
                + timeout.toSeconds() + " s)...");
        AtomicReference<String> found = new AtomicReference<>();
        long deadline = System.nanoTime() + timeout.toNanos();
        workspace.logs().follow(jobName, log, true, (source, text) -> {
            if (found.get() == null) {
                GuideAddress.first(text).ifPresent(found::set);
            }
        }, () -> found.get() != null || System.nanoTime() > deadline || Thread.currentThread().isInterrupted());
        if (found.get() != null) {
            return found.get();
        }
        if (System.nanoTime() > deadline) {
            throw AmlDebugException.environment("No `ip_address:` line in the log of " + jobName + " within " + timeout.toSeconds()
                    + " s. Check that the job's script starts debugpy as the guide shows (debugpy.listen((\"0.0.0.0\", 5678))"
                    + " and a print of \"ip_address: \" with the node's address), or wait longer with --timeout.", null);
        }
        Job ended = workspace.jobs().get(jobName);
        throw AmlDebugException.badInput("Job " + jobName + " ended (" + ended.status() + ") without an `ip_address:` line in its"
                + " log: its script does not start debugpy as the guide shows. See its log: aml-debug azure jobs logs " + jobName);
    }
}
