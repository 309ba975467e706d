package dev.amldebug.cli;

import dev.amldebug.runner.run.RunRecord;
import java.io.PrintWriter;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

@Command(name = "list", mixinStandardHelpOptions = true, description = "List runs, newest first.",
        footer = {"", "Example:", "  aml-debug runs list --experiment digits"})
final class RunsListCommand implements Callable<Integer> {
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss")
            .withZone(ZoneId.systemDefault());

    @Option(names = "--experiment", paramLabel = "NAME", description = "Only runs of this experiment.")
    String experiment;

    @Mixin
    WorkspaceOption workspace;

    @Spec
    CommandSpec command;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = command.commandLine().getOut();
        workspace.reconcile(command.commandLine().getErr());
        workspace.store().broken().forEach(broken -> command.commandLine().getErr().println("note: "
                + broken.getMessage()));
        List<RunRecord> runs = workspace.store().list().stream()
                .filter(r -> experiment == null || experiment.equals(r.experiment)).toList();
        if (runs.isEmpty()) {
            out.println("No runs in " + workspace.store().runsDir() + ". Start one with: aml-debug run JOB.yml");
            return 0;
        }
        out.printf("%-40s %-12s %-10s %-19s %9s %5s%n", "RUN", "EXPERIMENT", "STATUS", "STARTED", "DURATION", "EXIT");
        for (RunRecord run : runs) {
            out.printf("%-40s %-12s %-10s %-19s %9s %5s%n", run.id, run.experiment, run.status,
                    run.startedAt == null ? "-" : TIME.format(run.startedAt), duration(run),
                    run.exitCode == null ? "-" : run.exitCode);
        }
        return 0;
    }

    static String duration(RunRecord run) {
        if (run.startedAt == null) {
            return "-";
        }
        return duration(Duration.between(run.startedAt, run.endedAt == null ? Instant.now() : run.endedAt));
    }

    /** 1h05m, or 3m07s. */
    static String duration(Duration took) {
        return took.toHours() > 0 ? String.format("%dh%02dm", took.toHours(), took.toMinutesPart())
                : String.format("%dm%02ds", took.toMinutes(), took.toSecondsPart());
    }
}
