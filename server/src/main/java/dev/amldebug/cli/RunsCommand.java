package dev.amldebug.cli;

import picocli.CommandLine.Command;

@Command(name = "runs", mixinStandardHelpOptions = true,
        description = {"List, inspect, follow and cancel the runs of a folder."},
        subcommands = {RunsListCommand.class, RunsShowCommand.class, RunsLogsCommand.class, RunsCancelCommand.class,
                RunsPruneCommand.class, RunsFollowDetachedCommand.class},
        footer = {"",
                "Examples:",
                "  # The runs of one experiment",
                "  aml-debug runs list --experiment digits",
                "  # Follow a run's log",
                "  aml-debug runs logs digits_1732438000_a1b2c3d4 --follow",
                "  # Remove runs older than 30 days, keeping the newest 10",
                "  aml-debug runs prune --older-than 30d --keep 10"})
final class RunsCommand {
}
