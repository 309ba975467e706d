package dev.amldebug.cli;

import picocli.CommandLine.Command;

@Command(name = "azure", mixinStandardHelpOptions = true,
        description = {"Work with an Azure ML workspace: sign in, pick a workspace, list, follow, cancel and download",
                "jobs, and submit a command job to a compute. Sign-in comes from AZURE_* variables, `az login`,",
                "managed identity (on Azure only) or `aml-debug azure login`."},
        subcommands = {AzureLoginCommand.class, AzureStatusCommand.class, AzureWorkspacesCommand.class,
                AzureUseCommand.class, AzureJobsCommand.class, AzureSubmitCommand.class,
                AzureAttachCommand.class, AzureReplayCommand.class},
        footer = {"", "Examples:",
                "  aml-debug azure status                         who you are, and which workspace",
                "  aml-debug azure workspaces                     the workspaces you can see",
                "  aml-debug azure use /subscriptions/S/resourceGroups/G/providers/Microsoft.MachineLearningServices/workspaces/W",
                "  aml-debug azure jobs list --experiment digits --top 10",
                "  aml-debug azure jobs logs JOB --follow --all   every rank's log, live",
                "  aml-debug azure submit examples/digits/job.yml --compute cpu-cluster --stream",
                "  aml-debug azure attach JOB --step train --break train.py:44   a script that starts debugpy itself",
                "  aml-debug azure replay JOB --break train.py:44                  a failed job, again, on this machine"})
final class AzureCommand {
}
