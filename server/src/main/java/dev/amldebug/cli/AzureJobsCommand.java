package dev.amldebug.cli;

import picocli.CommandLine.Command;

@Command(name = "jobs", mixinStandardHelpOptions = true,
        description = "The jobs of the workspace: list, show, cancel, follow their logs, download their outputs.",
        subcommands = {AzureJobsListCommand.class, AzureJobsShowCommand.class, AzureJobsCancelCommand.class,
                AzureJobsLogsCommand.class, AzureJobsDownloadCommand.class},
        footer = {"", "Examples:",
                "  aml-debug azure jobs list --status Running",
                "  aml-debug azure jobs logs JOB --follow --rank 1",
                "  aml-debug azure jobs download JOB --outputs --to ./job-outputs"})
final class AzureJobsCommand {
}
