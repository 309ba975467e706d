package dev.amldebug.server.commands;

import dev.amldebug.bridge.hub.HubParent;
import dev.amldebug.bridge.target.BridgeTarget;
import dev.amldebug.errors.AmlDebugException;
import dev.amldebug.errors.Sentences;
import dev.amldebug.server.debug.RemoteTargets;
import dev.amldebug.server.jobs.Debuggee;
import dev.amldebug.server.jobs.Debuggees;
import dev.amldebug.server.jobs.JobHub;
import java.util.concurrent.Executor;

/**
 * The editor's side of a submitted job: each process that waits for a debugger gets a debug target (the local code
 * folder mapped to the reported working directory, the address policy held) and the editor is told to attach to it;
 * a connect-back job's hub becomes one target whose ranks come as child sessions. Lines go to the server's output;
 * what went wrong to a warning.
 */
final class EditorDebuggees implements Debuggees {
    private final EditorClient editor;
    private final RemoteTargets targets;
    private final Executor executor;
    private final boolean allowPublic;
    private final boolean allCode;

    EditorDebuggees(EditorClient editor, RemoteTargets targets, Executor executor, boolean allowPublic, boolean allCode) {
        this.editor = editor;
        this.targets = targets;
        this.executor = executor;
        this.allowPublic = allowPublic;
        this.allCode = allCode;
    }

    @Override
    public void ready(Debuggee debuggee) {
        String runId = debuggee.runId();
        String named = (debuggee.step() == null ? "Job " + runId : "Step " + debuggee.step() + " (" + runId + ")")
                + (debuggee.process().isEmpty() ? "" : " " + debuggee.process());
        try {
            BridgeTarget target = debuggee.target(allowPublic, allCode);
            String targetId = AzureJobCommands.TARGET_PREFIX + debuggee.found().targetName();
            targets.put(targetId, target);
            editor.logMessage(named + " listens at " + target.address() + "; the editor attaches.");
            if (debuggee.postMortem()) {
                editor.azureFailureReady(targetId, target.address(), runId, debuggee.pipelineJob(), debuggee.step(),
                        debuggee.process(), debuggee.found().failure().exception());
            } else {
                editor.azureStepDebugReady(targetId, target.address(), runId, debuggee.pipelineJob(), debuggee.step(),
                        debuggee.process());
            }
        } catch (AmlDebugException e) {
            editor.showWarning("Azure ML: " + named + ": " + e.getMessage());
        }
    }

    @Override
    public void hub(JobHub hub) {
        String targetId = AzureJobCommands.TARGET_PREFIX + hub.jobName();
        BridgeTarget ranks = BridgeTarget.of(hub.hub().address().getHostString(), hub.hub().address().getPort(),
                hub.mappings()).withJustMyCode(!allCode);
        targets.put(targetId, HubParent.target(hub.hub(), ranks, executor));
        String address = hub.hub().address().getHostString() + ":" + hub.hub().address().getPort();
        editor.logMessage("Job " + hub.jobName() + ": its processes dial the debug hub at " + address
                + "; the editor attaches to each as it joins.");
        editor.azureStepDebugReady(targetId, address, hub.jobName(), null, null, "");
    }

    @Override
    public void say(String line) {
        editor.logMessage(line);
    }

    @Override
    public void warn(String sentence) {
        editor.showWarning("Azure ML: " + sentence);
    }

    @Override
    public void failed(String named, RuntimeException error) {
        editor.showWarning("Azure ML: " + named + ": " + (error instanceof AmlDebugException ? error.getMessage()
                : Sentences.of(error)));
    }
}
