package dev.amldebug.cli;

import picocli.CommandLine.Option;

/** The image for runs that name no environment; one definition for every command that starts runs. */
final class BaseImageOption {
    static final String DEFAULT = "aml-debug/python:bookworm";

    @Option(names = "--base-image", paramLabel = "IMAGE", defaultValue = "${env:AML_DEBUG_BASE_IMAGE:-" + DEFAULT + "}",
            description = "Image for runs that name none (default: ${DEFAULT-VALUE}, or AML_DEBUG_BASE_IMAGE).")
    String image;
}
