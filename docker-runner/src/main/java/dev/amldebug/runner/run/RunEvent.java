package dev.amldebug.runner.run;

/**
 * Facts about a run, emitted where they become known, for progress and the editor. Nobody
 * needs to read log text to learn them.
 */
public sealed interface RunEvent {
    String runId();

    /** The image build reached step {@code step} of {@code total}. */
    record ImageBuildStep(String runId, int step, int total) implements RunEvent {
    }

    /** The environment's image exists already: nothing to build. */
    record ImageReused(String runId, String tag) implements RunEvent {
    }

    /** The script waits up to {@code timeoutSeconds} for a debugger at {@code endpoint}. */
    record WaitingForDebugger(String runId, String endpoint, int timeoutSeconds) implements RunEvent {
    }

    /** The container runs; {@code debugEndpoint} is null for a run without a debugger. */
    record ContainerStarted(String runId, String containerId, String debugEndpoint) implements RunEvent {
    }

    /** The debug shim says a debugger attached. */
    record DebuggerAttached(String runId) implements RunEvent {
    }

    /**
     * The script raised {@code exception} ("ZeroDivisionError: division by zero"), which it did not handle, and waits
     * up to {@code timeoutSeconds} for a debugger at {@code debugEndpoint}, which stops where it was raised
     * (post-mortem). The debug shim's own line says so.
     */
    record PostMortemWaiting(String runId, String debugEndpoint, String exception, int timeoutSeconds)
            implements RunEvent {
    }

    /**
     * A pipeline step's container runs. {@code runId} is the step's child run (the debug target when
     * {@code debugEndpoint} is not null); {@code pipelineId} the parent run.
     */
    record StepStarted(String runId, String pipelineId, String step, String debugEndpoint) implements RunEvent {
    }

    /**
     * A pipeline step ended: ran, reused the outputs of {@code reusedFrom}, or was not run ({@code reason} says why,
     * for example that a step it needs failed).
     */
    record StepEnded(String runId, String pipelineId, String step, RunStatus status, String reusedFrom, String reason)
            implements RunEvent {
    }
}
