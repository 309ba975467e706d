package dev.amldebug.cli;

import picocli.CommandLine.Command;

@Command(name = "jobs", mixinStandardHelpOptions = true,
        description = {"List, show, cancel, follow and download the jobs of the workspace."},
        subcommands = {AzureJobsListCommand.class, AzureJobsShowCommand.class, AzureJobsCancelCommand.class,
                AzureJobsLogsCommand.class, AzureJobsDownloadCommand.class},
        footer = {"",
                "Examples:",
                "  # The jobs that run now",
                "  aml-debug azure jobs list --status Running",
                "  # Follow rank 1's log",
                "  aml-debug azure jobs logs JOB --follow --rank 1",
                "  # Download a job's outputs",
                "  aml-debug azure jobs download JOB --outputs --to ./job-outputs"})
final class AzureJobsCommand {
}
