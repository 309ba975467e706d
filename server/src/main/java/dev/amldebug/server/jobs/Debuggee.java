package dev.amldebug.server.jobs;

import dev.amldebug.bridge.target.BridgeTarget;
import dev.amldebug.server.azure.StepEndpointWatch;
import java.nio.file.Path;

/**
 * A process of a submitted job that waits for a debugger: at its start (a debugged step or job), or after it failed
 * (post-mortem, {@link #postMortem()}).
 *
 * @param pipelineJob the pipeline it is a step of, or null for a command job
 * @param step        the step's name, or null for a command job
 */
public record Debuggee(StepEndpointWatch.Found found, Path codeFolder, String pipelineJob, String step) {
    /** The process's debugpy, the local code folder mapped to the working directory the shim reported. */
    public BridgeTarget target(boolean allowPublic, boolean allCode) {
        return found.target(codeFolder, allowPublic, allCode);
    }

    /** The run of the step or job whose process this is. */
    public String runId() {
        return found.runId();
    }

    public long pid() {
        return found.endpoint().pid();
    }

    /** "rank 1 (node 0)" in a distributed job, else empty. */
    public String process() {
        return found.endpoint().processName();
    }

    public boolean postMortem() {
        return found.failure() != null;
    }
}
