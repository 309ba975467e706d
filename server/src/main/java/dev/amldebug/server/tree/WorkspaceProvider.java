package dev.amldebug.server.tree;

import dev.amldebug.server.lsp.Protocol.TreeNode;
import java.util.List;

/**
 * A source of the Azure ML tree: the local run store now, an Azure ML workspace later.
 * Node ids are stable across calls and restarts.
 */
public interface WorkspaceProvider {
    /** The children of {@code nodeId}, or the roots for null. */
    List<TreeNode> children(String nodeId);
}
