package dev.amldebug.server.commands;

import dev.amldebug.errors.AmlDebugException;
import dev.amldebug.server.pictures.PipelineGraph;
import dev.amldebug.server.pictures.RankTimeline;
import dev.amldebug.server.pictures.RunMetrics;
import dev.amldebug.server.run.RunService;
import java.util.List;

/** What the editor's pictures show: a run's metrics, a pipeline's graph, a distributed run's ranks over time. */
final class PictureCommands {
    record RunIdArgs(String runId) {
    }

    private final RunMetrics metrics;
    private final PipelineGraph graph;
    private final RankTimeline timeline;

    PictureCommands(RunService runs) {
        this.metrics = new RunMetrics(runs.store());
        this.graph = new PipelineGraph(runs.store());
        this.timeline = new RankTimeline(runs.store(), runs::rankHubJoins);
    }

    CommandRegistry registerOn(CommandRegistry registry) {
        return registry
                .register("azureml.runMetrics", args -> metrics.read(runId(args, "runMetrics")))
                .register("azureml.pipelineGraph", args -> graph.read(runId(args, "pipelineGraph")))
                .register("azureml.rankTimeline", args -> timeline.read(runId(args, "rankTimeline")));
    }

    private static String runId(List<Object> args, String command) {
        String runId = Arguments.first(args, RunIdArgs.class).runId();
        if (runId == null) {
            throw AmlDebugException.badInput(command + " needs runId.");
        }
        return runId;
    }
}
