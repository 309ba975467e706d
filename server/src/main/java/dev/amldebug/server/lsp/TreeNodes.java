package dev.amldebug.server.lsp;

import dev.amldebug.server.lsp.Protocol.TreeNode;
import dev.amldebug.server.tree.Children;
import dev.amldebug.server.tree.Node;
import dev.amldebug.server.tree.NodeId;
import java.util.ArrayList;
import java.util.List;

/** The tree's nodes in the wire format of azureml/treeChildren; a further page becomes a "Load more" node. */
final class TreeNodes {
    private TreeNodes() {
    }

    static List<TreeNode> wire(List<Node> nodes) {
        return nodes.stream().map(TreeNodes::wire).toList();
    }

    static List<TreeNode> wire(NodeId parent, Children children) {
        List<TreeNode> nodes = new ArrayList<>(wire(children.nodes()));
        if (children.nextPage() != null) {
            nodes.add(new TreeNode(parent.child("more", children.nextPage()).toString(), "Load more…", null, "more",
                    "azureml.more", true, null, "The next page of " + parent, null, children.nextPage(),
                    parent.toString()));
        }
        return nodes;
    }

    static TreeNode wire(Node node) {
        return new TreeNode(node.id().toString(), node.label(), node.description(), node.kind(), node.contextValue(),
                node.collapsible(), node.resource() == null ? null : node.resource().toString(), node.tooltip(),
                node.runId(), null, null);
    }
}
