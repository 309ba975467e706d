package dev.amldebug.cli;

import picocli.CommandLine.Option;

/** The image for runs that name no environment; one definition for every command that starts runs. */
final class BaseImageOption {
    @Option(names = "--base-image", paramLabel = "IMAGE",
            defaultValue = "${env:AML_DEBUG_BASE_IMAGE:-aml-debug/python:bookworm}",
            description = "Image for runs that name none (default: ${DEFAULT-VALUE}, or AML_DEBUG_BASE_IMAGE).")
    String image;
}
