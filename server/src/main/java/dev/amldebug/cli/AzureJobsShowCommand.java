package dev.amldebug.cli;

import dev.amldebug.azure.Job;
import dev.amldebug.azure.WorkspaceClient;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.amldebug.cli.output.OutputOptions;
import dev.amldebug.cli.output.StatusStyle;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(name = "show", mixinStandardHelpOptions = true, description = {"Show one job: status, experiment, compute, times, log files and its Studio URL."},
        footer = {"",
                "Examples:",
                "  # A job",
                "  aml-debug azure jobs show JOB",
                "  # Its status alone, for a script",
                "  aml-debug azure jobs show JOB -o tsv --query status"})
final class AzureJobsShowCommand implements Callable<Integer> {
    @Parameters(paramLabel = "JOB", description = "The job's name.")
    String name;

    @Mixin
    AzureOption azure;

    @Spec
    CommandSpec command;

    @Mixin
    OutputOptions output;

    @Override
    public Integer call() {
        WorkspaceClient workspace = azure.workspace();
        Job job = workspace.jobs().get(name);
        ObjectNode json = JobJson.of(job);
        json.put("studioUrl", workspace.studioUrl(job.name()));
        ArrayNode logs = json.putArray("logs");
        List<String> logNames = workspace.logs().files(job.name()).stream().map(file -> file.name()).toList();
        logNames.forEach(logs::add);
        output.print(json, (out, colour) -> {
            out.println("job:        " + job.name());
            out.println("display:    " + text(json, "displayName"));
            out.println("type:       " + job.jobType());
            out.println("experiment: " + job.experimentName());
            out.println("status:     " + StatusStyle.paint(String.valueOf(job.status()), colour));
            out.println("compute:    " + text(json, "compute"));
            out.println("started:    " + (job.startTime() == null ? "-" : job.startTime()));
            out.println("ended:      " + (job.endTime() == null ? "-" : job.endTime()));
            out.println("duration:   " + duration(json));
            if (job.parentJobName() != null) {
                out.println("pipeline:   " + job.parentJobName());
            }
            out.println("logs:       " + (logs.isEmpty() ? "none yet" : String.join(", ", logNames)));
            out.println("studio:     " + json.get("studioUrl").asText());
        }, command.commandLine().getOut());
        return 0;
    }

    private static String text(JsonNode json, String field) {
        return json.path(field).isNull() ? "-" : json.path(field).asText();
    }

    /** A job's duration from its JSON, as 3m07s; "-" when it has not started. */
    static String duration(JsonNode job) {
        JsonNode seconds = job.path("durationSeconds");
        return seconds.isNumber() ? RunsListCommand.duration(Duration.ofSeconds(seconds.asLong())) : "-";
    }
}
