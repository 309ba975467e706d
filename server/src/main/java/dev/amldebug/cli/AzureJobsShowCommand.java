package dev.amldebug.cli;

import dev.amldebug.azure.Job;
import dev.amldebug.azure.WorkspaceClient;
import java.io.PrintWriter;
import java.time.Duration;
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

    @Override
    public Integer call() {
        PrintWriter out = command.commandLine().getOut();
        WorkspaceClient workspace = azure.workspace();
        Job job = workspace.jobs().get(name);
        out.println("job:        " + job.name());
        out.println("display:    " + (job.displayName() == null ? "-" : job.displayName()));
        out.println("type:       " + job.jobType());
        out.println("experiment: " + job.experimentName());
        out.println("status:     " + job.status());
        out.println("compute:    " + (job.computeId() == null ? "-" : job.computeId().replaceAll(".*/", "")));
        out.println("started:    " + (job.startTime() == null ? "-" : job.startTime()));
        out.println("ended:      " + (job.endTime() == null ? "-" : job.endTime()));
        out.println("duration:   " + duration(job));
        if (job.parentJobName() != null) {
            out.println("pipeline:   " + job.parentJobName());
        }
        var logs = workspace.logs().files(job.name());
        out.println("logs:       " + (logs.isEmpty() ? "none yet" : String.join(", ", logs.stream().map(f -> f.name()).toList())));
        out.println("studio:     " + workspace.studioUrl(job.name()));
        return 0;
    }

    static String duration(Job job) {
        Duration duration = job.duration();
        return duration == null ? "-" : RunsListCommand.duration(duration);
    }
}
