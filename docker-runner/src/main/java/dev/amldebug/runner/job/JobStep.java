package dev.amldebug.runner.job;

/**
 * A step under a pipeline's {@code jobs:}, read by {@link JobReader#readStep}. {@code job} holds the step's own keys
 * (its bindings as inputs and outputs, compute, display_name, environment_variables, resources, distribution, and for
 * an inline step its code, command and environment); {@code component} is what a component step runs, null for an
 * inline step. The step's source is the pipeline file.
 */
public record JobStep(String name, CommandJob job, CommandComponent component) {
    public boolean isInline() {
        return component == null;
    }
}
