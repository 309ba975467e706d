package dev.amldebug.server.tree.azure;

import dev.amldebug.azure.Page;
import dev.amldebug.azure.Subscription;
import dev.amldebug.azure.Workspace;
import dev.amldebug.azure.config.WorkspaceId;
import dev.amldebug.server.azure.SubscriptionsPage;
import dev.amldebug.server.tree.Children;
import dev.amldebug.server.tree.Node;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * The subscriptions and workspaces of the Azure tree with the default workspace (the Azure ML extension's
 * azureML.defaultWorkspaceId) first and marked "(default)", and its subscription first.
 */
final class DefaultFirst {
    static final String MARK = "(default)";

    private DefaultFirst() {
    }

    /** The subscriptions, then a message per tenant that could not list its own. */
    static Children subscriptions(SubscriptionsPage page, Optional<WorkspaceId> preferred) {
        List<Node> nodes = new ArrayList<>(page.items().stream()
                .sorted(Comparator.comparing((Subscription s) -> !isDefault(s.subscriptionId(), preferred)))
                .map(s -> AzureNodes.subscription(s, page.tenantNames().get(s.subscriptionId()))).toList());
        for (int i = 0; i < page.problems().size(); i++) {
            nodes.add(Node.message(AzureNodeIds.ROOT.child("problem", String.valueOf(i)), page.problems().get(i)));
        }
        return new Children(nodes, page.nextPage());
    }

    static Children workspaces(Page<Workspace> page, Optional<WorkspaceId> preferred) {
        List<Node> nodes = page.items().stream()
                .sorted(Comparator.comparing((Workspace w) -> !isDefault(w, preferred)))
                .map(w -> {
                    Node node = AzureNodes.workspace(w);
                    return isDefault(w, preferred) ? node.withDescription(MARK + (w.location() == null ? "" : " " + w.location())) : node;
                }).toList();
        return new Children(nodes, page.nextLink());
    }

    private static boolean isDefault(String subscriptionId, Optional<WorkspaceId> preferred) {
        return preferred.map(id -> id.subscriptionId().equalsIgnoreCase(subscriptionId)).orElse(false);
    }

    private static boolean isDefault(Workspace workspace, Optional<WorkspaceId> preferred) {
        return preferred.map(id -> id.armId().equalsIgnoreCase(WorkspaceId.parse(workspace.id()).armId())).orElse(false);
    }
}
