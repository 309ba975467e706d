package dev.amldebug.server.tree;

import java.net.URI;

/**
 * A node of the Azure ML tree as providers build it. The language server turns it into the wire
 * format; everything a client acts on is a field here, so no client ever parses an id.
 *
 * @param kind     what the node is: experiment, run, log, output, image, message, signIn, more, ...
 * @param state    a kind's state that changes its look and menus (a run's status), or null
 * @param resource a file or folder the node stands for, or null
 * @param runId    the run the node belongs to, for run nodes and their children, or null
 * @param page     for a {@code more} node: the page of its parent's children that it loads
 */
public record Node(NodeId id, String label, String description, String kind, String state, boolean collapsible,
                   URI resource, String tooltip, String runId, String page) {

    public static Node folder(NodeId id, String label, String kind) {
        return new Node(id, label, null, kind, null, true, null, null, null, null);
    }

    public static Node message(NodeId id, String text) {
        return new Node(id, text, null, "message", null, false, null, text, null, null);
    }

    public Node withDescription(String value) {
        return new Node(id, label, value, kind, state, collapsible, resource, tooltip, runId, page);
    }

    public Node withResource(URI value, String tip) {
        return new Node(id, label, description, kind, state, collapsible, value, tip, runId, page);
    }

    public Node withRunId(String value) {
        return new Node(id, label, description, kind, state, collapsible, resource, tooltip, value, page);
    }

    /** "azureml.run.completed": what package.json menus match on. */
    public String contextValue() {
        return "azureml." + kind + (state == null ? "" : "." + state);
    }
}
