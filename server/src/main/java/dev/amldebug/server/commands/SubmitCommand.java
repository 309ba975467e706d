package dev.amldebug.server.commands;

import dev.amldebug.errors.AmlDebugException;
import dev.amldebug.runner.debug.DebugOptions;
import dev.amldebug.runner.pipeline.PipelineStep;
import dev.amldebug.runner.pipeline.PipelineYamlParser;
import dev.amldebug.server.run.FileArguments;
import dev.amldebug.server.run.pipeline.PipelineRequest;
import dev.amldebug.server.run.RunRequest;
import dev.amldebug.server.run.RunService;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/** azureml.submitExperiment: queues a run and answers with its id; a debug run tells the editor when to attach. */
final class SubmitCommand implements CommandHandler {
    /** Arguments of azureml.submitExperiment. */
    record Submit(String configuration, String experiment, Boolean debug, Integer waitTimeout, List<String> debugSteps,
                  Boolean forceRerun, Boolean postMortem, Integer postMortemTimeout) {
        boolean wantsPostMortem() {
            return Boolean.TRUE.equals(postMortem);
        }
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
        Path source = FileArguments.path(runs.workspace(), submit.configuration());
        if (PipelineRequest.isPipeline(source)) {
            return Map.of("runId", runs.submitPipeline(pipeline(source, submit), new DebugReady(editor)).id());
        }
        DebugOptions debug = DebugOptions.addingPostMortem(Boolean.TRUE.equals(submit.debug())
                ? DebugOptions.waitingUpTo(submit.waitTimeout()) : null, submit.wantsPostMortem(), submit.postMortemTimeout());
        RunRequest request = RunRequest.of(source).withExperiment(submit.experiment()).withDebug(debug);
        boolean atStart = debug != null && !debug.waitsOnlyOnFailure();
        return Map.of("runId", runs.submit(request, new DebugReady(editor, atStart)).id());
    }

    /**
     * A pipeline: {@code debugSteps} under the debugger, or with {@code debug} and no steps named, every step. With
     * {@code postMortem}, the debug steps get it, or every step when none is debugged.
     */
    private PipelineRequest pipeline(Path source, Submit submit) {
        List<String> debugSteps = submit.debugSteps() != null ? submit.debugSteps()
                : Boolean.TRUE.equals(submit.debug()) ? new PipelineYamlParser().parse(source).steps().stream().map(PipelineStep::name).toList() : List.of();
        PipelineRequest request = PipelineRequest.of(source).withExperiment(submit.experiment())
                .withDebugSteps(debugSteps, DebugOptions.addingPostMortem(DebugOptions.waitingUpTo(submit.waitTimeout()),
                        submit.wantsPostMortem(), submit.postMortemTimeout()))
                .withForceRerun(submit.forceRerun());
        return submit.wantsPostMortem() && debugSteps.isEmpty() ? request.withPostMortem(submit.postMortemTimeout()) : request;
    }
}
