package dev.amldebug.server.run.pipeline;

import dev.amldebug.runner.run.RunEvent;
import dev.amldebug.runner.run.RunListener;

/**
 * Whoever follows a pipeline: as a {@link RunListener} it hears the pipeline run itself (its control log, its
 * status, and the typed step events {@code StepStarted} and {@code StepEnded}); the step methods carry each
 * step's own log lines, named by step.
 */
public interface PipelineListener extends RunListener {
    /** A line of a step's control log. */
    default void stepControlLine(String step, String line) {
    }

    /** A step script's output, as it arrives. */
    default void stepOutput(String step, String text) {
    }

    /** A typed fact about step {@code step} of pipeline run {@code pipelineId}, such as a post-mortem wait. */
    default void stepEvent(String pipelineId, String step, RunEvent event) {
    }

    PipelineListener NONE = new PipelineListener() {
    };
}
