package dev.amldebug.cli;

import dev.amldebug.runner.run.RunRecord;
import java.io.PrintWriter;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

@Command(name = "list", mixinStandardHelpOptions = true, description = {"List runs, newest first; a pipeline's steps follow it, indented."},
        footer = {"",
                "Examples:",
                "  # The runs of one experiment",
                "  aml-debug runs list --experiment digits",
                "  # The ids of the failed runs, one a line, for a script",
                "  aml-debug runs list -o tsv --query \"[?status=='Failed'].id\"",
                "  # Every run as JSON",
                "  aml-debug runs list -o json"})
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
        List<RunRecord> all = workspace.store().list();
        Map<String, RunRecord> byId = all.stream().collect(Collectors.toMap(r -> r.id, r -> r));
        List<RunRecord> runs = all.stream().filter(r -> !r.step().isStep())
                .filter(r -> experiment == null || experiment.equals(r.experiment)).toList();
        if (runs.isEmpty()) {
            out.println("No runs in " + workspace.store().runsDir() + ". Start one with: aml-debug run JOB.yml");
            return 0;
        }
        out.printf("%-40s %-12s %-10s %-19s %9s %5s%n", "RUN", "EXPERIMENT", "STATUS", "STARTED", "DURATION", "EXIT");
        for (RunRecord run : runs) {
            row(out, run.id, run);
            if (!run.pipeline().steps().isEmpty()) {
                run.pipeline().steps().forEach((step, id) -> {
                    RunRecord child = byId.get(id);
                    if (child != null) {
                        row(out, "  " + step + (child.step().reusedFrom() == null ? "" : " (reused)"), child);
                    }
                });
            }
        }
        return 0;
    }

    /** A run's row; a pipeline's steps follow it, indented, by step name. */
    private static void row(PrintWriter out, String name, RunRecord run) {
        out.printf("%-40s %-12s %-10s %-19s %9s %5s%n", name, run.experiment, run.status,
                run.startedAt == null ? "-" : TIME.format(run.startedAt), duration(run),
                run.exitCode == null ? "-" : run.exitCode);
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
