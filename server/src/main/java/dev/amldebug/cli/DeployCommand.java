package dev.amldebug.cli;

import picocli.CommandLine.Command;

@Command(name = "deploy", mixinStandardHelpOptions = true,
        description = {"Run a scoring script (score.py) in a local inference container, with Azure ML's contract.",
                "init() runs once, GET / answers Healthy, and POST /score calls run(); the port is published on "
                        + "127.0.0.1 only."},
        subcommands = {DeployUpCommand.class, DeployScoreCommand.class, DeployRestartCommand.class,
                DeployDownCommand.class, DeployListCommand.class},
        footer = {"",
                "Examples:",
                "  # Start a deployment YAML's scoring script under the debugger",
                "  aml-debug deploy up examples/deployment/deployment.yml --debug",
                "  # Send it a request",
                "  aml-debug deploy score RUN --data examples/deployment/sample-request.json",
                "  # Pick up edits to score.py",
                "  aml-debug deploy restart RUN"})
final class DeployCommand {
}
