package dev.amldebug.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.amldebug.cli.output.OutputOptions;
import dev.amldebug.cli.output.StatusStyle;
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

    @Mixin
    OutputOptions output;

    @Spec
    CommandSpec command;

    @Override
    public Integer call() throws Exception {
        workspace.reconcile(command.commandLine().getErr());
        RunStore store = workspace.store();
        RunRecord record = store.read(runId);
        ObjectNode json = RunJson.of(record, id -> store.exists(id) ? store.read(id) : null);
        json.put("controlLog", store.controlLog(runId).toString());
        json.put("driverLog", store.driverLog(runId).toString());
        json.put("outputs", store.outputsOf(record).toString());
        String runJson = Files.readString(store.dir(runId).resolve("run.json")).strip();
        output.print(json, (out, colour) -> {
            out.println(runJson);
            out.println("control log: " + json.get("controlLog").asText());
            out.println("driver log:  " + json.get("driverLog").asText());
            out.println("outputs:     " + json.get("outputs").asText());
            if (!json.get("steps").isEmpty()) {
                out.println("steps:");
                record.pipeline().steps().forEach((step, id) -> out.println("  " + step(step, store.read(id), colour)));
            }
        }, command.commandLine().getOut());
        return 0;
    }

    /** "train  Failed  digits_..._a1b2  Steps' error", "prep  Completed  digits_...  reused digits_...". */
    private static String step(String name, RunRecord step, boolean colour) {
        String reusedFrom = step.step().reusedFrom();
        String status = String.valueOf(step.status);
        return String.format("%-16s ", name) + StatusStyle.paint(status, colour)
                + " ".repeat(Math.max(1, 11 - status.length())) + step.id
                + (reusedFrom != null ? "  reused " + reusedFrom : step.error != null ? "  " + step.error : "");
    }
}
