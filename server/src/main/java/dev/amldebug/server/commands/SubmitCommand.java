package dev.amldebug.server.commands;

import dev.amldebug.errors.AmlDebugException;
import dev.amldebug.runner.debug.DebugOptions;
import dev.amldebug.server.run.FileArguments;
import dev.amldebug.server.run.RunRequest;
import dev.amldebug.server.run.RunService;
import java.util.List;
import java.util.Map;

/** azureml.submitExperiment: queues a run and answers with its id; a debug run tells the editor when to attach. */
final class SubmitCommand implements CommandHandler {
    /** Arguments of azureml.submitExperiment. */
    record Submit(String configuration, String experiment, Boolean debug, Integer waitTimeout) {
    }

    private final RunService runs;
    private final EditorClient editor;

    SubmitCommand(RunService runs, EditorClient editor) {
        this.runs = runs;
        this.editor = editor;
    }

    @Override
    public Object execute(List<Object> arguments) {
        Submit submit = Arguments.first(arguments, Submit.class);
        if (submit.configuration() == null) {
            throw AmlDebugException.badInput("submitExperiment needs configuration: a job YAML, .runconfig or script.");
        }
        RunRequest request = RunRequest.of(FileArguments.path(runs.workspace(), submit.configuration())).withExperiment(submit.experiment())
                .withDebug(Boolean.TRUE.equals(submit.debug()) ? DebugOptions.waitingUpTo(submit.waitTimeout()) : null);
        return Map.of("runId", runs.submit(request, new DebugReady(editor)).id());
    }
}
