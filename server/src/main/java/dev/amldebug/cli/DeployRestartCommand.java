package dev.amldebug.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

@Command(name = "restart", mixinStandardHelpOptions = true,
        description = {"Restart a local deployment to pick up edits to its code; nothing is rebuilt."},
        footer = {"",
                "Examples:",
                "  # Restart a deployment",
                "  aml-debug deploy restart RUN",
                "  # Restart the deployment of another folder",
                "  aml-debug deploy restart RUN --folder ~/projects/scoring"})
final class DeployRestartCommand implements Callable<Integer> {
    @Parameters(paramLabel = "RUN", description = "The deployment's run id.")
    String runId;

    @Mixin
    WorkspaceOption workspace;

    @Spec
    CommandSpec command;

    @Override
    public Integer call() {
        workspace.runs().restartDeployment(runId);
        command.commandLine().getOut().println("Restarting " + runId + "; it is Healthy again once init() returns.");
        return 0;
    }
}
