package dev.amldebug.cli;

import picocli.CommandLine.Command;

@Command(name = "images", mixinStandardHelpOptions = true,
        description = "List and prune the environment images aml-debug built (and no others).",
        subcommands = {ImagesListCommand.class, ImagesPruneCommand.class},
        footer = {"", "Examples:", "  aml-debug images list", "  aml-debug images prune --older-than 7d",
                "  aml-debug images prune --all"})
final class ImagesCommand {
}
