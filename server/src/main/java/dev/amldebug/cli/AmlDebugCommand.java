package dev.amldebug.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "aml-debug", mixinStandardHelpOptions = true, versionProvider = Version.class,
        description = "Run and debug Azure ML experiments locally in Docker, with no changes to your scripts.",
        subcommands = {RunCommand.class, RunsCommand.class, ImagesCommand.class, AttachCommand.class, DapCommand.class, ServeCommand.class},
        footer = {"", "Examples:",
                "  aml-debug run examples/digits/job.yml           run a v2 command job locally",
                "  aml-debug run train.py -- --epochs 3            run a script with the default environment",
                "  aml-debug run examples/digits/job.yml --break train.py:44   debug it, no script change",
                "  aml-debug attach RUN                             attach the console debugger to a debug run",
                "  aml-debug runs list                              the runs of this workspace",
                "  aml-debug runs logs RUN --follow                 follow a run's driver log",
                "  aml-debug images prune --older-than 7d           remove images unused for a week"})
final class AmlDebugCommand {
    @Option(names = "--verbose", scope = picocli.CommandLine.ScopeType.INHERIT,
            description = "Show debug logging and stack traces.")
    boolean verbose;
}
