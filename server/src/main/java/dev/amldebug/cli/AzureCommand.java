package dev.amldebug.cli;

import picocli.CommandLine.Command;

@Command(name = "azure", mixinStandardHelpOptions = true,
        description = {"Work with an Azure ML workspace: sign in, pick a workspace, submit, list, follow, cancel and "
                        + "download jobs.",
                "Sign-in comes from AZURE_* variables, `az login`, managed identity (on Azure only) or "
                        + "`aml-debug azure login`."},
        subcommands = {AzureLoginCommand.class, AzureStatusCommand.class, AzureWorkspacesCommand.class,
                AzureUseCommand.class, AzureJobsCommand.class, AzureSubmitCommand.class,
                AzureAttachCommand.class, AzureReplayCommand.class},
        footer = {"",
                "Examples:",
                "  # Who you are, and which workspace this folder uses",
                "  aml-debug azure status",
                "  # Submit a job and stream its log",
                "  aml-debug azure submit examples/digits/job.yml --compute cpu-cluster --stream",
                "  # Follow every rank's log, live",
                "  aml-debug azure jobs logs JOB --follow --all",
                "  # Run a failed job again on this machine, under the debugger",
                "  aml-debug azure replay JOB --break train.py:44"})
final class AzureCommand {
}
