package dev.amldebug.cli;

import dev.amldebug.azure.LogSelection;
import dev.amldebug.azure.JobStatus;
import dev.amldebug.azure.LogSink;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(name = "logs", mixinStandardHelpOptions = true,
        description = {"Print a job's log, or follow it live with --follow until the job ends.",
                "Its own log is a command job's user_logs/std_log.txt (or rank 0's), a pipeline's "
                        + "executionlogs.txt or a sweep's hyperdrive.txt; any file and any rank can be named. Only the new "
                        + "bytes are read on each poll."},
        footer = {"",
                "Examples:",
                "  # Follow a job's own log until it ends",
                "  aml-debug azure jobs logs JOB --follow",
                "  # Rank 3's std_log_process_3.txt",
                "  aml-debug azure jobs logs JOB --follow --rank 3",
                "  # Every log, each line prefixed",
                "  aml-debug azure jobs logs JOB --follow --all",
                "  # A v1 run's driver log",
                "  aml-debug azure jobs logs JOB --file azureml-logs/70_driver_log.txt"})
final class AzureJobsLogsCommand implements Callable<Integer> {
    @Parameters(paramLabel = "JOB", description = "The job's (or a pipeline step's) name.")
    String name;

    @Option(names = {"-f", "--follow"}, description = "Keep printing as the log grows, until the job ends.")
    boolean follow;

    @ArgGroup(exclusive = true)
    Which which = new Which();

    static final class Which {
        @Option(names = "--file", paramLabel = "NAME", description = "This log file (see `jobs show`).")
        String file;

        @Option(names = "--rank", paramLabel = "N", description = "The log of process rank N.")
        Integer rank;

        @Option(names = "--all", description = "Every log file, each line prefixed with its rank or file.")
        boolean all;
    }

    @Mixin
    AzureOption azure;

    @Mixin
    ProgressDisplay progressDisplay;

    @Spec
    CommandSpec command;

    @Override
    public Integer call() {
        PrintWriter out = command.commandLine().getOut();
        LogSelection selection = new LogSelection(which.file, which.rank, which.all);
        boolean found;
        try (LogWait wait = new LogWait(progressDisplay.progress(), "Waiting for job " + name + " to write its log")) {
            LogSink printer = AzureLogPrinter.to(out, which.all);
            found = azure.workspace().logs().follow(name, selection, follow, new LogSink() {
                @Override
                public void lines(String source, String text) {
                    wait.close();
                    printer.lines(source, text);
                }

                @Override
                public void waiting(JobStatus status) {
                    wait.stillWaiting(status);
                }
            }, () -> Thread.currentThread().isInterrupted());
        }
        if (!found) {
            out.println("Job " + name + " has no log yet" + (follow ? "" : ": follow it with `aml-debug azure jobs logs "
                    + name + " --follow`, or see its files with `aml-debug azure jobs show " + name + "`") + ".");
        }
        return 0;
    }
}
