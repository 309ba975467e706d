package dev.amldebug.cli;

import dev.amldebug.errors.AmlDebugException;
import dev.amldebug.runner.run.RunPruner;
import dev.amldebug.runner.run.RunRecord;
import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

@Command(name = "prune", mixinStandardHelpOptions = true,
        description = {"Remove old runs from the run store: their record, logs, outputs and code snapshot.",
                "A run that is still going is never removed, nor one of the newest --keep runs."},
        footer = {"",
                "Examples:",
                "  # Runs that ended over 30 days ago (the default)",
                "  aml-debug runs prune",
                "  # Runs older than a week, but keep the newest 5",
                "  aml-debug runs prune --older-than 7d --keep 5",
                "  # All but the newest 20",
                "  aml-debug runs prune --keep 20"})
final class RunsPruneCommand implements Callable<Integer> {
    @Option(names = "--older-than", paramLabel = "AGE",
            description = "Remove runs that ended longer ago than this: 30m, 12h, 7d (default: 30d, or any age with"
                    + " --keep).")
    String olderThan;

    /** Null when not given: then the age limit is 30 days; given (0 too), any age. */
    @Option(names = "--keep", paramLabel = "N",
            description = "Keep the newest N runs and remove the others whatever their age (--keep 0: every run that"
                    + " ended).")
    Integer keep;

    @Mixin
    WorkspaceOption workspace;

    @Spec
    CommandSpec command;

    @Override
    public Integer call() {
        if (keep != null && keep < 0) {
            throw AmlDebugException.badInput("--keep takes a number of runs, 0 or more; found " + keep);
        }
        String age = olderThan != null ? olderThan : keep != null ? null : "30d";
        List<RunRecord> removed = new RunPruner(workspace.store())
                .prune(age == null ? null : Ages.parse("--older-than", age), keep == null ? 0 : keep);
        PrintWriter out = command.commandLine().getOut();
        removed.forEach(run -> out.println("removed " + run.id + " (" + run.status + ")"));
        out.println("Removed " + removed.size() + " run(s) from " + workspace.store().runsDir() + ".");
        return 0;
    }
}
