package dev.amldebug.server.commands;

import dev.amldebug.runner.run.RunEvent;
import dev.amldebug.server.run.PipelineListener;

/**
 * Tells the editor when a run or deployment started for debugging waits for its debugger; for a pipeline, each
 * debug step as it starts, by its step run's id and its step name.
 */
final class DebugReady implements PipelineListener {
    private final EditorClient editor;

    DebugReady(EditorClient editor) {
        this.editor = editor;
    }

    @Override
    public void event(RunEvent event) {
        if (event instanceof RunEvent.ContainerStarted started && started.debugEndpoint() != null) {
            editor.debugReady(started.runId(), started.debugEndpoint());
        } else if (event instanceof RunEvent.StepStarted step && step.debugEndpoint() != null) {
            editor.debugReady(step.runId(), step.debugEndpoint(), step.pipelineId(), step.step());
        }
    }
}
