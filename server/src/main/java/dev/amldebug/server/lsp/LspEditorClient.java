package dev.amldebug.server.lsp;

import dev.amldebug.server.commands.EditorClient;
import dev.amldebug.server.lsp.Protocol.AzureLogParams;
import dev.amldebug.server.lsp.Protocol.DebugReadyParams;
import dev.amldebug.server.lsp.Protocol.TreeChangedParams;
import dev.amldebug.server.tree.NodeId;
import java.util.function.Supplier;
import org.eclipse.lsp4j.ApplyWorkspaceEditParams;
import org.eclipse.lsp4j.MessageParams;
import org.eclipse.lsp4j.MessageType;
import org.eclipse.lsp4j.WorkspaceEdit;

/** The editor, as commands see it, over LSP. */
final class LspEditorClient implements EditorClient {
    private final Supplier<AmlLanguageClient> client;

    LspEditorClient(Supplier<AmlLanguageClient> client) {
        this.client = client;
    }

    @Override
    public void treeChanged(NodeId node) {
        client.get().treeChanged(new TreeChangedParams(node.toString()));
    }

    @Override
    public void debugReady(String runId, String endpoint, String pipelineId, String step) {
        client.get().debugReady(new DebugReadyParams(runId, endpoint, pipelineId, step));
    }

    @Override
    public void postMortemReady(String runId, String endpoint, String pipelineId, String step, String exception) {
        client.get().debugReady(new DebugReadyParams(runId, endpoint, pipelineId, step, null, null, true, exception));
    }

    @Override
    public void azureJobDebugReady(String targetId, String endpoint, String azureJob) {
        client.get().debugReady(new DebugReadyParams(targetId, endpoint, null, null, azureJob, null));
    }

    @Override
    public void azureFailureReady(String targetId, String endpoint, String azureJob, String pipelineJob, String step,
                                  String process, String exception) {
        client.get().debugReady(new DebugReadyParams(targetId, endpoint, pipelineJob, step, azureJob,
                process == null || process.isEmpty() ? null : process, true, exception));
    }

    @Override
    public void azureStepDebugReady(String targetId, String endpoint, String azureJob, String pipelineJob, String step,
                                    String process) {
        client.get().debugReady(new DebugReadyParams(targetId, endpoint, pipelineJob, step, azureJob,
                process == null || process.isEmpty() ? null : process));
    }

    @Override
    public void logMessage(String text) {
        client.get().logMessage(new MessageParams(MessageType.Info, text));
    }

    @Override
    public void showWarning(String text) {
        client.get().showMessage(new MessageParams(MessageType.Warning, text));
    }

    @Override
    public void logLines(String streamId, String source, String text, boolean ended) {
        client.get().azureLog(new AzureLogParams(streamId, source, text, ended));
    }

    @Override
    public boolean applyEdit(WorkspaceEdit edit, String label) throws Exception {
        return client.get().applyEdit(new ApplyWorkspaceEditParams(edit, label)).get().isApplied();
    }
}
