package dev.amldebug.server.tree;

import java.util.List;

/**
 * A page of a node's children.
 *
 * @param nextPage where the next page starts (a provider's continuation token), or null for the last page
 */
public record Children(List<Node> nodes, String nextPage) {
    public Children {
        nodes = List.copyOf(nodes);
    }

    public static Children all(List<Node> nodes) {
        return new Children(nodes, null);
    }
}
