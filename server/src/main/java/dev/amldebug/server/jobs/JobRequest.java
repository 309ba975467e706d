package dev.amldebug.server.jobs;

import dev.amldebug.errors.AmlDebugException;
import dev.amldebug.runner.debug.DebugOptions;
import dev.amldebug.server.azure.ConnectBack;
import dev.amldebug.server.azure.PipelineJobBody;
import dev.amldebug.server.azure.RemoteStepDebug;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * A job YAML to submit to Azure ML, and how to debug it: the same request from the command line and the editor, with the
 * same defaults.
 *
 * @param debugSteps       the pipeline steps that wait for the debugger at their start
 * @param debug            a command job that waits for the debugger (each of its processes)
 * @param waitTimeout      how long a debugged process waits for the debugger (null: the default)
 * @param postMortemSeconds how long a process that fails waits for the debugger (null: no post-mortem)
 * @param connectBack      with {@code debug}: HOST:PORT, where the processes dial this machine's debug hub instead of
 *                         listening (or null)
 * @param watch            whether to follow the job for its debuggees (false: submit only, attach later)
 * @param watchFor         how long a debugged process may take to start listening
 */
public record JobRequest(Path jobFile, String compute, String experiment, Set<String> debugSteps, boolean debug,
                         Integer waitTimeout, boolean abortOnTimeout, Integer postMortemSeconds, boolean installDebugpy,
                         String connectBack, boolean watch, Duration watchFor) {
    /** How long a debugged process may take to start listening, unless told otherwise. */
    public static final int WATCH_TIMEOUT_SECONDS = 3600;
    public static final Duration WATCH_TIMEOUT = Duration.ofSeconds(WATCH_TIMEOUT_SECONDS);

    public JobRequest {
        debugSteps = debugSteps == null ? Set.of() : new LinkedHashSet<>(debugSteps);
        watchFor = watchFor == null ? WATCH_TIMEOUT : watchFor;
    }

    /** A plain submit: no debugging. */
    public static JobRequest of(Path jobFile, String compute, String experiment) {
        return new JobRequest(jobFile, compute, experiment, Set.of(), false, null, false, null, false, null, true, null);
    }

    /** Whether the YAML is a pipeline job (type: pipeline), whose steps are what can be debugged. */
    public static boolean isPipeline(Path jobFile) {
        return PipelineJobBody.isPipeline(jobFile);
    }

    /** What kind of submit this is; refuses combinations that do not go together, in one sentence that says what to do. */
    JobMode mode(boolean pipeline) {
        if (pipeline) {
            if (debug || connectBack != null) {
                throw AmlDebugException.badInput(jobFile.getFileName() + " is a pipeline job: choose the steps to debug"
                        + " (--debug-step NAME); debugging the whole job and connect-back take a command job.");
            }
            return JobMode.PIPELINE;
        }
        if (!debugSteps.isEmpty()) {
            throw AmlDebugException.badInput("Steps to debug are steps of a pipeline job (type: pipeline); "
                    + jobFile.getFileName() + " is a command job: debug it as a whole with --debug.");
        }
        if (connectBack != null && !debug) {
            throw AmlDebugException.badInput("Connect-back goes with --debug: add it to run " + jobFile.getFileName()
                    + " under the debugger with its processes dialing back to this machine.");
        }
        if (debug) {
            if (connectBack != null) {
                ConnectBack.parse(connectBack);
                return JobMode.CONNECT_BACK;
            }
            return JobMode.DEBUGGED;
        }
        return postMortemSeconds != null ? JobMode.POST_MORTEM : JobMode.PLAIN;
    }

    /** Where the processes dial back to; no token yet. */
    ConnectBack dialBack() {
        return ConnectBack.parse(connectBack);
    }

    /** The shim's options for a process that waits at its start. */
    DebugOptions debugOptions() {
        DebugOptions waiting = DebugOptions.waitingUpTo(waitTimeout);
        return new DebugOptions(waiting.waitTimeoutSeconds(), abortOnTimeout, false).withPostMortem(postMortemSeconds);
    }

    /** How the debugged steps (or the job) run under the shim; snapshots built under {@code folder}'s .azureml/. */
    RemoteStepDebug remoteDebug(Path folder) {
        return RemoteStepDebug.of(debugSteps, debugOptions(), installDebugpy, folder).withPostMortem(postMortemSeconds);
    }

    /** A command job with post-mortem only: it runs at once, and a process that fails waits. */
    RemoteStepDebug postMortemOnly(Path folder) {
        return RemoteStepDebug.of(Set.of(), DebugOptions.postMortemOnly(postMortemSeconds), installDebugpy, folder);
    }

    enum JobMode { PLAIN, PIPELINE, DEBUGGED, POST_MORTEM, CONNECT_BACK }
}
