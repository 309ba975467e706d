package dev.amldebug.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import dev.amldebug.cli.output.OutputOptions;
import dev.amldebug.cli.output.Table;
import dev.amldebug.cli.output.Table.Column;
import dev.amldebug.runner.run.RunKind;
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

    @Mixin
    OutputOptions output;

    @Override
    public Integer call() throws Exception {
        workspace.reconcile(command.commandLine().getErr());
        ArrayNode deployments = JsonNodeFactory.instance.arrayNode();
        workspace.store().list().stream().filter(r -> r.kind == RunKind.deployment).forEach(d -> deployments.addObject()
                .put("id", d.id)
                .put("status", d.status == null ? null : d.status.name())
                .put("health", d.deployment().health() == null ? null : d.deployment().health().name())
                .put("scoringUri", d.deployment().scoringUri())
                .put("startedAt", RunJson.time(d.startedAt))
                .put("debugEndpoint", d.debugEndpoint));
        output.printList(deployments, table(deployments),
                "No deployments. Start one with: aml-debug deploy up DEPLOYMENT.yml", command.commandLine().getOut(),
                command.commandLine().getErr());
        return 0;
    }

    private static Table table(JsonNode deployments) {
        Table table = new Table(Column.left("RUN", 40), Column.left("STATUS", 10).statuses(),
                Column.left("HEALTH", 10).statuses(), Column.left("SCORING", 0));
        deployments.forEach(d -> table.row(d.get("id").textValue(), d.get("status").textValue(),
                d.get("health").textValue(), d.get("scoringUri").textValue()));
        return table;
    }
}
