package dev.amldebug.cli;

import picocli.CommandLine.Command;

@Command(name = "deploy", mixinStandardHelpOptions = true,
        description = {"Run a scoring script (score.py) in a local inference container, with Azure ML's contract:",
                "init() once, GET / Healthy, POST /score to run(); published on 127.0.0.1."},
        subcommands = {DeployUpCommand.class, DeployScoreCommand.class, DeployRestartCommand.class,
                DeployDownCommand.class, DeployListCommand.class},
        footer = {"", "Examples:",
                "  aml-debug deploy up examples/deployment/deployment.yml --debug",
                "  aml-debug deploy up --score score.py --model outputs/model.pkl --env env.yml",
                "  aml-debug deploy score RUN --data examples/deployment/sample-request.json",
                "  aml-debug deploy restart RUN               pick up edits to score.py",
                "  aml-debug deploy down RUN"})
final class DeployCommand {
}
