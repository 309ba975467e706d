package dev.amldebug.server.commands;

import dev.amldebug.server.tree.NodeId;
import org.eclipse.lsp4j.WorkspaceEdit;

/** What commands ask of the editor that sent them; the language server provides it. */
public interface EditorClient {
    /** The children of {@code node} changed: the editor asks for them again. */
    void treeChanged(NodeId node);

    /** A debug run waits at {@code endpoint}: the editor attaches its debugger. */
    void debugReady(String runId, String endpoint);

    /** New text of a followed Azure ML log; {@code ended} once, when the stream stops. */
    void logLines(String streamId, String source, String text, boolean ended);

    /** Asks the editor to apply {@code edit}; true when it did. */
    boolean applyEdit(WorkspaceEdit edit, String label) throws Exception;
}
