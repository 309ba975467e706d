package dev.amldebug.cli;

import picocli.CommandLine.Command;

@Command(name = "images", mixinStandardHelpOptions = true,
        description = {"List and prune the environment images aml-debug built (and no others)."},
        subcommands = {ImagesListCommand.class, ImagesPruneCommand.class},
        footer = {"",
                "Examples:",
                "  # The images, last used first",
                "  aml-debug images list",
                "  # Remove the images not used for a week",
                "  aml-debug images prune --older-than 7d"})
final class ImagesCommand {
}
