package dev.amldebug.cli;

import dev.amldebug.azure.AzureMlClient;
import dev.amldebug.azure.Page;
import dev.amldebug.azure.Subscription;
import dev.amldebug.azure.Workspace;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import dev.amldebug.cli.output.OutputOptions;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "workspaces", mixinStandardHelpOptions = true,
        description = {"List the Azure ML workspaces you can see, with the ids `aml-debug azure use` takes."},
        footer = {"",
                "Examples:",
                "  # Every workspace you can see",
                "  aml-debug azure workspaces",
                "  # Their ids, one a line",
                "  aml-debug azure workspaces -o tsv --query \"[].id\""})
final class AzureWorkspacesCommand implements Callable<Integer> {
    @Option(names = "--subscription", paramLabel = "S", description = "Only this subscription (its id).")
    String subscription;

    @Mixin
    AzureAccount azure;

    @Spec
    CommandSpec command;

    @Mixin
    OutputOptions output;

    @Override
    public Integer call() {
        AzureMlClient client = azure.client();
        List<String> subscriptions = subscription != null ? List.of(subscription) : subscriptionIds(client);
        ArrayNode json = JsonNodeFactory.instance.arrayNode();
        for (String id : subscriptions) {
            String page = null;
            do {
                Page<Workspace> workspaces = client.workspaces(id, page);
                workspaces.items().forEach(workspace -> json.addObject().put("name", workspace.name())
                        .put("location", workspace.location()).put("id", workspace.id()).put("subscriptionId", id));
                page = workspaces.nextLink();
            } while (page != null);
        }
        output.printList(json, (out, colour) -> json.forEach(workspace -> out.printf("%-24s %-12s %s%n",
                        workspace.get("name").asText(), workspace.get("location").asText(), workspace.get("id").asText())),
                "No workspaces" + (subscription == null ? "" : " in subscription " + subscription)
                        + ". Create one in the Azure portal, or check the subscription with `az account list`.",
                command.commandLine().getOut(), command.commandLine().getErr());
        return 0;
    }

    private static List<String> subscriptionIds(AzureMlClient client) {
        List<String> ids = new ArrayList<>();
        String page = null;
        do {
            Page<Subscription> subscriptions = client.subscriptions(page);
            subscriptions.items().forEach(s -> ids.add(s.subscriptionId()));
            page = subscriptions.nextLink();
        } while (page != null);
        return ids;
    }
}
