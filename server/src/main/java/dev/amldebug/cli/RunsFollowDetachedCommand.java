package dev.amldebug.cli;

import dev.amldebug.runner.run.RunRecord;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

/** Started by aml-debug itself for a detached run; users follow runs with 'runs logs --follow'. */
@Command(name = "follow-detached", hidden = true,
        description = "Follow a detached run to its end in the background: record its end, keep its log, remove its"
                + " container.")
final class RunsFollowDetachedCommand implements Callable<Integer> {
    @Parameters(paramLabel = "RUN", description = "The run id.")
    String runId;

    @Mixin
    WorkspaceOption workspace;

    @Override
    public Integer call() throws Exception {
        RunRecord ended = workspace.runs().followDetached(runId);
        System.out.println("Run " + runId + " " + ended.status + " (exit code " + ended.exitCode + ").");
        return 0;
    }
}
