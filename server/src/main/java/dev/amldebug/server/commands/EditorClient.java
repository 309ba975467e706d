package dev.amldebug.server.commands;

import dev.amldebug.server.tree.NodeId;
import org.eclipse.lsp4j.WorkspaceEdit;

/** What commands ask of the editor that sent them; the language server provides it. */
public interface EditorClient {
    /** The children of {@code node} changed: the editor asks for them again. */
    void treeChanged(NodeId node);

    /** A debug run waits at {@code endpoint}: the editor attaches its debugger. */
    default void debugReady(String runId, String endpoint) {
        debugReady(runId, endpoint, null, null);
    }

    /**
     * A debug run waits at {@code endpoint}: the editor attaches its debugger. For a pipeline step, {@code runId}
     * is the step's child run, with its pipeline run and step name; both null otherwise.
     */
    void debugReady(String runId, String endpoint, String pipelineId, String step);

    /**
     * A run or pipeline step with post-mortem raised {@code exception}, which it did not handle, and waits for a
     * debugger at {@code endpoint}, which stops where it was raised. {@code pipelineId} and {@code step} as for
     * {@link #debugReady(String, String, String, String)}.
     */
    void postMortemReady(String runId, String endpoint, String pipelineId, String step, String exception);

    /**
     * The debugpy of Azure ML job {@code azureJob} is at {@code endpoint}, and the user asked to attach: the editor
     * attaches at once, naming {@code targetId} as the run.
     */
    void azureJobDebugReady(String targetId, String endpoint, String azureJob);

    /**
     * The debugpy of a debugged pipeline step {@code step} (run {@code azureJob}) of Azure ML pipeline job
     * {@code pipelineJob} is at {@code endpoint}: the editor attaches at once, naming {@code targetId} as the run.
     */
    void azureStepDebugReady(String targetId, String endpoint, String azureJob, String pipelineJob, String step, String process);

    /** The same for a process on a compute that raised an exception it did not handle and waits (post-mortem). */
    void azureFailureReady(String targetId, String endpoint, String azureJob, String pipelineJob, String step, String process,
                           String exception);

    /** A line for the server's output (window/logMessage). */
    void logMessage(String text);

    /** Something the user must see (window/showMessage, as a warning). */
    void showWarning(String text);

    /** New text of a followed Azure ML log; {@code ended} once, when the stream stops. */
    void logLines(String streamId, String source, String text, boolean ended);

    /** Asks the editor to apply {@code edit}; true when it did. */
    boolean applyEdit(WorkspaceEdit edit, String label) throws Exception;
}
