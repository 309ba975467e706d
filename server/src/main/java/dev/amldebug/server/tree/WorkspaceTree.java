package dev.amldebug.server.tree;

import dev.amldebug.errors.AmlDebugException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The whole tree: each provider's top node at the root, and every other request routed by its id's provider. */
public final class WorkspaceTree {
    private final Map<String, TreeProvider> providers = new LinkedHashMap<>();

    public WorkspaceTree(List<TreeProvider> providers) {
        providers.forEach(provider -> this.providers.put(provider.name(), provider));
    }

    /** The root nodes, one per provider. */
    public List<Node> roots() {
        return providers.values().stream().map(TreeProvider::root).toList();
    }

    public Children children(NodeId id, TreeRequest request) {
        TreeProvider provider = providers.get(id.provider());
        if (provider == null) {
            throw AmlDebugException.notFound("No tree node '" + id + "'. Refresh the tree.");
        }
        if (!provider.signedIn()) {
            return Children.all(List.of(provider.signInNode(id)));
        }
        return provider.children(id, request);
    }
}
