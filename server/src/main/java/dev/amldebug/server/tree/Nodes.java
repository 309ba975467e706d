package dev.amldebug.server.tree;

import dev.amldebug.server.lsp.Protocol.TreeNode;
import java.nio.file.Path;

/** Builders for tree nodes, so every node of a kind looks the same. */
final class Nodes {
    private Nodes() {
    }

    static TreeNode folder(String id, String label, String kind, String description) {
        return new TreeNode(id, label, description, kind, "azureml." + kind, true, null, null);
    }

    static TreeNode file(String id, Path file, String kind) {
        return new TreeNode(id, file.getFileName().toString(), null, kind, "azureml." + kind, false,
                file.toUri().toString(), file.toString());
    }

    static TreeNode message(String id, String text) {
        return new TreeNode(id, text, null, "message", "azureml.message", false, null, text);
    }
}
