package dev.amldebug.server.commands;

import dev.amldebug.runner.run.RunEvent;
import dev.amldebug.server.run.pipeline.PipelineListener;

/**
 * Tells the editor when a run or deployment started for debugging waits for its debugger; for a pipeline, each
 * debug step as it starts, by its step run's id and its step name. A run or step with post-mortem that failed
 * waits for a debugger too: the editor hears it with the exception.
 */
final class DebugReady implements PipelineListener {
    private final EditorClient editor;
    private final boolean atStart;

    DebugReady(EditorClient editor) {
        this(editor, true);
    }

    /** @param atStart whether a debug run's start is news; not for a run whose debugger is wanted only if it fails */
    DebugReady(EditorClient editor, boolean atStart) {
        this.editor = editor;
        this.atStart = atStart;
    }

    @Override
    public void event(RunEvent event) {
        if (event instanceof RunEvent.ContainerStarted started && started.debugEndpoint() != null && atStart) {
            editor.debugReady(started.runId(), started.debugEndpoint());
        } else if (event instanceof RunEvent.StepStarted step && step.debugEndpoint() != null) {
            editor.debugReady(step.runId(), step.debugEndpoint(), step.pipelineId(), step.step());
        } else if (event instanceof RunEvent.PostMortemWaiting waiting) {
            editor.postMortemReady(waiting.runId(), waiting.debugEndpoint(), null, null, waiting.exception());
        }
    }

    @Override
    public void stepEvent(String pipelineId, String step, RunEvent event) {
        if (event instanceof RunEvent.PostMortemWaiting waiting) {
            editor.postMortemReady(waiting.runId(), waiting.debugEndpoint(), pipelineId, step, waiting.exception());
        }
    }
}
