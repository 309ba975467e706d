package dev.amldebug.server.commands;

import dev.amldebug.azure.WorkspaceClient;
import dev.amldebug.bridge.target.BridgeTarget;
import dev.amldebug.errors.AmlDebugException;
import dev.amldebug.server.azure.AzureSubmitter;
import dev.amldebug.server.azure.PipelineJobBody;
import dev.amldebug.server.azure.PostMortemWatch;
import dev.amldebug.server.azure.StepEndpointWatch;
import dev.amldebug.server.debug.RemoteTargets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.ToIntFunction;

/**
 * For azureml.azure.submit with steps or a job to debug: waits for the shim in each process to print where it listens,
 * keeps a debug target for each (the local code folder mapped to the reported working directory), and tells the editor
 * to attach; says why when it cannot. Runs on a pool thread, one per watched step or job.
 */
final class RemoteDebugWatch {
    private final EditorClient editor;
    private final RemoteTargets targets;
    private final boolean allowPublic;
    private final boolean allCode;

    RemoteDebugWatch(EditorClient editor, RemoteTargets targets, boolean allowPublic, boolean allCode) {
        this.editor = editor;
        this.targets = targets;
        this.allowPublic = allowPublic;
        this.allCode = allCode;
    }

    void step(WorkspaceClient client, String pipelineJob, PipelineJobBody.Step step, Duration timeout) {
        String named = "step " + step.name() + " of " + pipelineJob;
        watch(client, named, step.processes(), watch -> watch.awaitEach(pipelineJob, step, timeout,
                found -> debugReady(found, step.codeFolder(), pipelineJob, step.name())));
    }

    void job(WorkspaceClient client, AzureSubmitter.DebuggedJob job, Duration timeout) {
        String name = job.job().name();
        watch(client, "job " + name, job.processes(), watch -> watch.awaitJob(name, job.processes(), timeout,
                found -> debugReady(found, job.codeFolder(), null, null)));
    }

    /** A step submitted with post-mortem only: each of its processes that fails and waits, attached as it does. */
    void failures(WorkspaceClient client, String pipelineJob, PipelineJobBody.Step step, Duration timeout) {
        watch(client, "step " + step.name() + " of " + pipelineJob, 0, watch -> new PostMortemWatch(client, editor::logMessage)
                .follow(watch.runOf(pipelineJob, step, timeout), found -> debugReady(found, step.codeFolder(), pipelineJob, step.name())));
    }

    /** The same for a command job. */
    void failures(WorkspaceClient client, AzureSubmitter.DebuggedJob job) {
        watch(client, "job " + job.job().name(), 0, watch -> new PostMortemWatch(client, editor::logMessage)
                .follow(job.job().name(), found -> debugReady(found, job.codeFolder(), null, null)));
    }

    private void watch(WorkspaceClient client, String named, int processes, ToIntFunction<StepEndpointWatch> awaiting) {
        AtomicReference<String> lastSaid = new AtomicReference<>();
        try {
            int found = awaiting.applyAsInt(new StepEndpointWatch(client, line -> {
                editor.logMessage(line);
                lastSaid.set(line);
            }));
            if (found < processes) {
                // The watch's last word says why: the step or job went on without the shim's line.
                editor.showWarning("Azure ML: " + lastSaid.get());
            }
        } catch (AmlDebugException e) {
            editor.showWarning("Azure ML: " + named + ": " + e.getMessage());
        } catch (RuntimeException e) {
            editor.showWarning("Azure ML: " + named + ": " + e);
        }
    }

    private void debugReady(StepEndpointWatch.Found found, Path codeFolder, String pipelineJob, String step) {
        String process = found.endpoint().processName();
        String named = (step == null ? "Job " + found.runId() : "Step " + step + " (" + found.runId() + ")")
                + (process.isEmpty() ? "" : " " + process);
        try {
            BridgeTarget target = found.target(codeFolder, allowPublic, allCode);
            String targetId = AzureJobCommands.TARGET_PREFIX + found.targetName();
            targets.put(targetId, target);
            editor.logMessage(named + " listens at " + target.address() + "; the editor attaches.");
            if (found.failure() != null) {
                editor.azureFailureReady(targetId, target.address(), found.runId(), pipelineJob, step, process,
                        found.failure().exception());
            } else {
                editor.azureStepDebugReady(targetId, target.address(), found.runId(), pipelineJob, step, process);
            }
        } catch (AmlDebugException e) {
            editor.showWarning("Azure ML: " + named + ": " + e.getMessage());
        }
    }
}
