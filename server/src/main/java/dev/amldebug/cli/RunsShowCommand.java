package dev.amldebug.cli;

import dev.amldebug.runner.run.RunRecord;
import dev.amldebug.runner.run.RunStore;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

@Command(name = "show", mixinStandardHelpOptions = true, description = {"Show a run's record and where its logs and outputs are."},
        footer = {"",
                "Examples:",
                "  # A run's record",
                "  aml-debug runs show digits_1732438000_a1b2c3d4",
                "  # Its status alone, for a script",
                "  aml-debug runs show digits_1732438000_a1b2c3d4 -o tsv --query status"})
final class RunsShowCommand implements Callable<Integer> {
    @Parameters(paramLabel = "RUN", description = "The run id.")
    String runId;

    @Mixin
    WorkspaceOption workspace;

    @Spec
    CommandSpec command;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = command.commandLine().getOut();
        workspace.reconcile(command.commandLine().getErr());
        RunStore store = workspace.store();
        RunRecord record = store.read(runId);
        out.println(Files.readString(store.dir(runId).resolve("run.json")).strip());
        out.println("control log: " + store.controlLog(runId));
        out.println("driver log:  " + store.driverLog(runId));
        out.println("outputs:     " + store.outputsOf(record));
        if (!record.pipeline().steps().isEmpty()) {
            out.println("steps:");
            record.pipeline().steps().forEach((step, id) -> out.println("  " + step(step, store.read(id))));
        }
        return 0;
    }

    /** "train  Failed  digits_..._a1b2  Steps' error", "prep  Completed  digits_...  reused digits_...". */
    private static String step(String name, RunRecord step) {
        String reusedFrom = step.step().reusedFrom();
        return String.format("%-16s %-10s %s%s", name, step.status, step.id,
                reusedFrom != null ? "  reused " + reusedFrom : step.error != null ? "  " + step.error : "");
    }
}
