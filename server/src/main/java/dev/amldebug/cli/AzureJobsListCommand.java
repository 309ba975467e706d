package dev.amldebug.cli;

import dev.amldebug.azure.Job;
import dev.amldebug.azure.JobStatus;
import dev.amldebug.azure.Jobs;
import dev.amldebug.azure.Page;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import dev.amldebug.cli.output.OutputOptions;
import dev.amldebug.cli.output.Table;
import dev.amldebug.cli.output.Table.Column;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "list", mixinStandardHelpOptions = true, description = {"List the workspace's jobs, newest first as the service returns them."},
        footer = {"",
                "Examples:",
                "  # The newest 5 failed jobs of an experiment",
                "  aml-debug azure jobs list --experiment digits --status Failed --top 5",
                "  # The names of the running jobs, one a line, for a script",
                "  aml-debug azure jobs list -o tsv --query \"[?status=='Running'].name\"",
                "  # Every job as JSON",
                "  aml-debug azure jobs list -o json"})
final class AzureJobsListCommand implements Callable<Integer> {
    @Option(names = "--experiment", paramLabel = "E", description = "Only jobs of this experiment.")
    String experiment;

    @Option(names = "--status", paramLabel = "S", description = "Only jobs in this status: Running, Completed, Failed, Canceled, ...")
    JobStatus status;

    @Option(names = "--top", paramLabel = "N", defaultValue = "50", description = "At most N jobs (default: ${DEFAULT-VALUE}).")
    int top;

    @Mixin
    AzureOption azure;

    @Spec
    CommandSpec command;

    @Mixin
    OutputOptions output;

    @Override
    public Integer call() {
        Jobs jobs = azure.workspace().jobs();
        ArrayNode shown = JsonNodeFactory.instance.arrayNode();
        String page = null;
        do {
            Page<Job> jobsPage = jobs.list(page);
            jobsPage.items().stream().filter(this::matches).limit(top - shown.size()).map(JobJson::of).forEach(shown::add);
            page = jobsPage.nextLink();
        } while (page != null && shown.size() < top);
        output.printList(shown, table(shown), "No jobs" + (experiment == null && status == null ? "" : " match")
                + ". Submit one with: aml-debug azure submit JOB.yml --compute NAME", command.commandLine().getOut(),
                command.commandLine().getErr());
        return 0;
    }

    private static Table table(JsonNode jobs) {
        Table table = new Table(Column.left("JOB", 40), Column.left("STATUS", 16).statuses(), Column.left("EXPERIMENT", 24),
                Column.left("DURATION", 0));
        jobs.forEach(job -> table.row(job.get("name").textValue(), job.get("status").textValue(),
                job.get("experiment").textValue(), AzureJobsShowCommand.duration(job)));
        return table;
    }

    private boolean matches(Job job) {
        return (experiment == null || experiment.equals(job.experimentName()))
                && (status == null || status == job.status());
    }
}
