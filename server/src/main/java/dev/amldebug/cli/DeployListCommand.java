package dev.amldebug.cli;

import dev.amldebug.runner.run.RunKind;
import dev.amldebug.runner.run.RunRecord;
import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

@Command(name = "list", mixinStandardHelpOptions = true, description = {"List local deployments and their health."},
        footer = {"",
                "Examples:",
                "  # The deployments of this folder",
                "  aml-debug deploy list",
                "  # As JSON",
                "  aml-debug deploy list -o json"})
final class DeployListCommand implements Callable<Integer> {
    @Mixin
    WorkspaceOption workspace;

    @Spec
    CommandSpec command;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = command.commandLine().getOut();
        workspace.reconcile(command.commandLine().getErr());
        List<RunRecord> deployments = workspace.store().list().stream().filter(r -> r.kind == RunKind.deployment).toList();
        if (deployments.isEmpty()) {
            out.println("No deployments. Start one with: aml-debug deploy up DEPLOYMENT.yml");
            return 0;
        }
        out.printf("%-40s %-10s %-10s %s%n", "RUN", "STATUS", "HEALTH", "SCORING");
        deployments.forEach(d -> out.printf("%-40s %-10s %-10s %s%n", d.id, d.status,
                d.deployment().health() == null ? "-" : d.deployment().health(),
                d.deployment().scoringUri() == null ? "-" : d.deployment().scoringUri()));
        return 0;
    }
}
