package dev.amldebug.cli;

import dev.amldebug.runner.run.RunRecord;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

@Command(name = "down", mixinStandardHelpOptions = true,
        description = {"Bring a local deployment down: its container stops; its logs are kept."},
        footer = {"",
                "Examples:",
                "  # Bring a deployment down",
                "  aml-debug deploy down RUN",
                "  # Bring every running deployment down",
                "  aml-debug deploy list -o tsv --query \"[?status=='Running'].id\" | xargs -n1 aml-debug deploy down"})
final class DeployDownCommand implements Callable<Integer> {
    @Parameters(paramLabel = "RUN", description = "The deployment's run id.")
    String runId;

    @Mixin
    WorkspaceOption workspace;

    @Spec
    CommandSpec command;

    @Override
    public Integer call() throws Exception {
        RunRecord record = workspace.runs().cancel(runId);
        command.commandLine().getOut().println("Deployment " + runId + ": " + (record.isActive() ? "going down"
                : record.status) + ". Its logs: aml-debug runs logs " + runId);
        return 0;
    }
}
