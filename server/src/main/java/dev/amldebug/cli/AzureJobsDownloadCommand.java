package dev.amldebug.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(name = "download", mixinStandardHelpOptions = true,
        description = {"Download a job's outputs and/or logs (both when neither is named)."},
        footer = {"",
                "Examples:",
                "  # Outputs and logs, into ./JOB",
                "  aml-debug azure jobs download JOB",
                "  # The outputs alone, into ./model",
                "  aml-debug azure jobs download JOB --outputs --to ./model"})
final class AzureJobsDownloadCommand implements Callable<Integer> {
    @Parameters(paramLabel = "JOB", description = "The job's name.")
    String name;

    @Option(names = "--outputs", description = "The job's outputs (outputs/).")
    boolean outputs;

    @Option(names = "--logs", description = "The job's log files.")
    boolean logs;

    @Option(names = "--to", paramLabel = "DIR", description = "Where to put them (default: ./JOB).")
    Path to;

    @Mixin
    AzureOption azure;

    @Mixin
    ProgressDisplay progressDisplay;

    @Spec
    CommandSpec command;

    @Override
    public Integer call() {
        boolean both = !outputs && !logs;
        Path target = (to != null ? to : Path.of(name)).toAbsolutePath().normalize();
        Path written = azure.workspace().downloads().download(name, outputs || both, logs || both, target,
                progressDisplay.progress().transfers());
        command.commandLine().getOut().println("Downloaded to " + written);
        return 0;
    }
}
