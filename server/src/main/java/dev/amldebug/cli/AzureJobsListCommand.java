package dev.amldebug.cli;

import dev.amldebug.azure.Job;
import dev.amldebug.azure.JobStatus;
import dev.amldebug.azure.Jobs;
import dev.amldebug.azure.Page;
import java.io.PrintWriter;
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

    @Override
    public Integer call() {
        PrintWriter out = command.commandLine().getOut();
        Jobs jobs = azure.workspace().jobs();
        int shown = 0;
        String page = null;
        do {
            Page<Job> jobsPage = jobs.list(page);
            for (Job job : jobsPage.items()) {
                if (shown < top && matches(job)) {
                    if (shown == 0) {
                        out.printf("%-40s %-16s %-24s %s%n", "JOB", "STATUS", "EXPERIMENT", "DURATION");
                    }
                    out.printf("%-40s %-16s %-24s %s%n", job.name(), job.status(), job.experimentName(),
                            AzureJobsShowCommand.duration(job));
                    shown++;
                }
            }
            page = jobsPage.nextLink();
        } while (page != null && shown < top);
        if (shown == 0) {
            out.println("No jobs" + (experiment == null && status == null ? "" : " match") + ". Submit one with:"
                    + " aml-debug azure submit JOB.yml --compute NAME");
        }
        return 0;
    }

    private boolean matches(Job job) {
        return (experiment == null || experiment.equals(job.experimentName()))
                && (status == null || status == job.status());
    }
}
