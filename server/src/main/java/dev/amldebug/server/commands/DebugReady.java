package dev.amldebug.server.commands;

import dev.amldebug.runner.run.RunEvent;
import dev.amldebug.runner.run.RunListener;

/** Tells the editor when a run or deployment started for debugging waits for its debugger. */
final class DebugReady implements RunListener {
    private final EditorClient editor;

    DebugReady(EditorClient editor) {
        this.editor = editor;
    }

    @Override
    public void event(RunEvent event) {
        if (event instanceof RunEvent.ContainerStarted started && started.debugEndpoint() != null) {
            editor.debugReady(started.runId(), started.debugEndpoint());
        }
    }
}
