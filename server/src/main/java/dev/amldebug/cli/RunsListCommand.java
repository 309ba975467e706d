package dev.amldebug.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import dev.amldebug.cli.output.OutputOptions;
import dev.amldebug.cli.output.Table;
import dev.amldebug.cli.output.Table.Column;
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

    @Mixin
    OutputOptions output;

    @Override
    public Integer call() throws Exception {
        PrintWriter err = command.commandLine().getErr();
        workspace.reconcile(err);
        workspace.store().broken().forEach(broken -> err.println("note: " + broken.getMessage()));
        List<RunRecord> all = workspace.store().list();
        Map<String, RunRecord> byId = all.stream().collect(Collectors.toMap(r -> r.id, r -> r));
        ArrayNode runs = JsonNodeFactory.instance.arrayNode();
        all.stream().filter(r -> !r.step().isStep())
                .filter(r -> experiment == null || experiment.equals(r.experiment))
                .forEach(run -> runs.add(RunJson.of(run, byId::get)));
        String none = experiment != null && !all.isEmpty()
                ? "No runs of experiment " + experiment + " in " + workspace.store().runsDir() + " (it has runs of others:"
                        + " `aml-debug runs list`)."
                : "No runs in " + workspace.store().runsDir() + ". Start one with: aml-debug run JOB.yml";
        output.printList(runs, table(runs), none, command.commandLine().getOut(), err);
        return 0;
    }

    /** A row per run; a pipeline's steps follow it, indented, by step name. */
    private static Table table(JsonNode runs) {
        Table table = new Table(Column.left("RUN", 40), Column.left("EXPERIMENT", 12), Column.left("STATUS", 10).statuses(),
                Column.left("STARTED", 19), Column.right("DURATION", 9), Column.right("EXIT", 5));
        for (JsonNode run : runs) {
            row(table, run.path("id").asText(), run);
            for (JsonNode step : run.path("steps")) {
                row(table, "  " + step.path("name").asText() + (step.path("reusedFrom").isNull() ? "" : " (reused)"), step);
            }
        }
        return table;
    }

    private static void row(Table table, String name, JsonNode run) {
        table.row(name, run.path("experiment").textValue(), run.path("status").textValue(),
                run.path("startedAt").isNull() ? null : TIME.format(Instant.parse(run.path("startedAt").asText())),
                run.path("durationSeconds").isNull() ? null : duration(Duration.ofSeconds(run.path("durationSeconds").asLong())),
                run.path("exitCode").isNull() ? null : run.path("exitCode").asText());
    }

    /** 1h05m, or 3m07s. */
    static String duration(Duration took) {
        return took.toHours() > 0 ? String.format("%dh%02dm", took.toHours(), took.toMinutesPart())
                : String.format("%dm%02ds", took.toMinutes(), took.toSecondsPart());
    }
}
