package dev.amldebug.runner.pipeline;

import java.nio.file.Path;

/** What a step's input is bound to, once the pipeline's bindings are resolved. */
public sealed interface StepInput {
    /** A value put into the command as written (a number, a string, a pipeline input's value). */
    record Literal(String value) implements StepInput {
    }

    /** A local file or folder ({@code uri_file} / {@code uri_folder}), resolved against the YAML's folder. */
    record LocalPath(Path path, String type) implements StepInput {
    }

    /** Another step's output: {@code ${{parent.jobs.STEP.outputs.OUTPUT}}}. */
    record StepOutput(String step, String output) implements StepInput {
    }
}
