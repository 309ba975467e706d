package dev.amldebug.server.lsp;

import dev.amldebug.server.lsp.Protocol.AzureLogParams;
import dev.amldebug.server.lsp.Protocol.DebugReadyParams;
import dev.amldebug.server.lsp.Protocol.RunLogParams;
import dev.amldebug.server.lsp.Protocol.RunStatusParams;
import dev.amldebug.server.lsp.Protocol.TreeChangedParams;
import org.eclipse.lsp4j.jsonrpc.services.JsonNotification;
import org.eclipse.lsp4j.services.LanguageClient;

/** What the server tells the client beyond LSP itself: the azureml/ notifications. */
public interface AmlLanguageClient extends LanguageClient {
    @JsonNotification("azureml/treeChanged")
    void treeChanged(TreeChangedParams params);

    @JsonNotification("azureml/runLog")
    void runLog(RunLogParams params);

    @JsonNotification("azureml/azureLog")
    void azureLog(AzureLogParams params);

    @JsonNotification("azureml/runStatus")
    void runStatus(RunStatusParams params);

    @JsonNotification("azureml/debugReady")
    void debugReady(DebugReadyParams params);
}
