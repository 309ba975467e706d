package dev.amldebug.server.commands;

import dev.amldebug.errors.AmlDebugException;
import dev.amldebug.runner.debug.DebugOptions;
import dev.amldebug.runner.pipeline.PipelineStep;
import dev.amldebug.runner.pipeline.PipelineYamlParser;
import dev.amldebug.server.run.FileArguments;
import dev.amldebug.server.run.PipelineRequest;
import dev.amldebug.server.run.RunRequest;
import dev.amldebug.server.run.RunService;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/** azureml.submitExperiment: queues a run and answers with its id; a debug run tells the editor when to attach. */
final class SubmitCommand implements CommandHandler {
    /** Arguments of azureml.submitExperiment. */
    record Submit(String configuration, String experiment, Boolean debug, Integer waitTimeout, List<String> debugSteps,
                  Boolean forceRerun) {
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
        RunRequest request = RunRequest.of(source).withExperiment(submit.experiment())
                .withDebug(Boolean.TRUE.equals(submit.debug()) ? DebugOptions.waitingUpTo(submit.waitTimeout()) : null);
        return Map.of("runId", runs.submit(request, new DebugReady(editor)).id());
    }

    /** A pipeline: {@code debugSteps} under the debugger, or with {@code debug} and no steps named, every step. */
    private PipelineRequest pipeline(Path source, Submit submit) {
        List<String> debugSteps = submit.debugSteps() != null ? submit.debugSteps()
                : Boolean.TRUE.equals(submit.debug()) ? new PipelineYamlParser().parse(source).steps().stream().map(PipelineStep::name).toList() : List.of();
        return PipelineRequest.of(source).withExperiment(submit.experiment())
                .withDebugSteps(debugSteps, DebugOptions.waitingUpTo(submit.waitTimeout()))
                .withForceRerun(submit.forceRerun());
    }
}
