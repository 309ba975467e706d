package dev.amldebug.server.commands;

import dev.amldebug.errors.AmlDebugException;
import dev.amldebug.runner.debug.DebugOptions;
import dev.amldebug.runner.run.RunKind;
import dev.amldebug.runner.run.RunRecord;
import dev.amldebug.server.run.pipeline.PipelineRequest;
import dev.amldebug.server.run.RunService;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * azureml.debugPipelineStep: runs the pipeline again with one step under the debugger; the steps before it reuse
 * their outputs where Azure ML's rule allows (reuse on, whatever settings.force_rerun says). debugReady follows
 * when the step starts.
 */
final class PipelineStepCommand implements CommandHandler {
    /** {@code runId}: a step's run, or the pipeline's run with {@code step}. */
    record DebugStep(String runId, String step, Integer waitTimeout) {
    }

    private final RunService runs;
    private final EditorClient editor;

    PipelineStepCommand(RunService runs, EditorClient editor) {
        this.runs = runs;
        this.editor = editor;
    }

    @Override
    public Object execute(List<Object> arguments) {
        DebugStep args = Arguments.first(arguments, DebugStep.class);
        if (args.runId() == null) {
            throw AmlDebugException.badInput("debugPipelineStep needs runId: a pipeline step's run, or the pipeline's"
                    + " run with step.");
        }
        RunRecord record = runs.store().read(args.runId());
        RunRecord pipeline = record.step().isStep() ? runs.store().read(record.step().parentId()) : record;
        String step = args.step() != null ? args.step() : record.step().stepName();
        if (pipeline.kind != RunKind.pipeline || step == null) {
            throw AmlDebugException.badInput("Run " + args.runId() + " is not a pipeline step; give a step's run, or"
                    + " the pipeline's run with step.");
        }
        PipelineRequest request = PipelineRequest.of(Path.of(pipeline.source)).withExperiment(pipeline.experiment)
                .withDebugSteps(List.of(step), DebugOptions.waitingUpTo(args.waitTimeout())).withForceRerun(false);
        return Map.of("runId", runs.submitPipeline(request, new DebugReady(editor)).id());
    }
}
