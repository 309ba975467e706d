package dev.amldebug.cli;

import dev.amldebug.azure.AzureMlClient;
import dev.amldebug.azure.Page;
import dev.amldebug.azure.Subscription;
import dev.amldebug.azure.Workspace;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "workspaces", mixinStandardHelpOptions = true,
        description = "List the Azure ML workspaces you can see, with the ids `aml-debug azure use` takes.",
        footer = {"", "Examples:", "  aml-debug azure workspaces",
                "  aml-debug azure workspaces --subscription 00000000-0000-0000-0000-000000000000"})
final class AzureWorkspacesCommand implements Callable<Integer> {
    @Option(names = "--subscription", paramLabel = "S", description = "Only this subscription (its id).")
    String subscription;

    @Mixin
    AzureAccount azure;

    @Spec
    CommandSpec command;

    @Override
    public Integer call() {
        PrintWriter out = command.commandLine().getOut();
        AzureMlClient client = azure.client();
        List<String> subscriptions = subscription != null ? List.of(subscription) : subscriptionIds(client);
        int count = 0;
        for (String id : subscriptions) {
            String page = null;
            do {
                Page<Workspace> workspaces = client.workspaces(id, page);
                for (Workspace workspace : workspaces.items()) {
                    out.printf("%-24s %-12s %s%n", workspace.name(), workspace.location(), workspace.id());
                    count++;
                }
                page = workspaces.nextLink();
            } while (page != null);
        }
        if (count == 0) {
            out.println("No workspaces" + (subscription == null ? "" : " in subscription " + subscription)
                    + ". Create one in the Azure portal, or check the subscription with `az account list`.");
        }
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
