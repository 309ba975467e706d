package dev.amldebug.cli;

import picocli.CommandLine.Command;

@Command(name = "runs", mixinStandardHelpOptions = true,
        description = "List, inspect, follow and cancel the runs of a workspace.",
        subcommands = {RunsListCommand.class, RunsShowCommand.class, RunsLogsCommand.class, RunsCancelCommand.class,
                RunsPruneCommand.class, RunsFollowDetachedCommand.class},
        footer = {"", "Examples:",
                "  aml-debug runs list --experiment digits",
                "  aml-debug runs show digits_1732438000_a1b2c3d4",
                "  aml-debug runs logs digits_1732438000_a1b2c3d4 --follow",
                "  aml-debug runs cancel digits_1732438000_a1b2c3d4",
                "  aml-debug runs prune --older-than 30d --keep 10"})
final class RunsCommand {
}
