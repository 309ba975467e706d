package dev.amldebug.cli;

import dev.amldebug.runner.run.RunRecord;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

@Command(name = "cancel", mixinStandardHelpOptions = true,
        description = {"Cancel a run: SIGTERM to its container, SIGKILL after 10 s; its logs and outputs are kept."},
        footer = {"",
                "Examples:",
                "  # Cancel a run",
                "  aml-debug runs cancel digits_1732438000_a1b2c3d4",
                "  # Cancel a run of another folder",
                "  aml-debug runs cancel digits_1732438000_a1b2c3d4 --folder ~/projects/digits"})
final class RunsCancelCommand implements Callable<Integer> {
    @Parameters(paramLabel = "RUN", description = "The run id.")
    String runId;

    @Mixin
    WorkspaceOption workspace;

    @Spec
    CommandSpec command;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = command.commandLine().getOut();
        RunRecord before = workspace.store().read(runId);
        if (!before.isActive()) {
            out.println("Run " + runId + " already ended: " + before.status + ". Nothing to cancel.");
            return 0;
        }
        RunRecord after = workspace.runs().cancel(runId);
        out.println(after.isActive() ? "Canceled run " + runId + "; its container stopped, and the process following it records the end."
                : "Run " + runId + " " + after.status + ".");
        return 0;
    }
}
