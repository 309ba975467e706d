package dev.amldebug.server.lsp;

import dev.amldebug.server.lsp.Protocol.DebugAdapterEndpoint;
import dev.amldebug.server.lsp.Protocol.DebugAdapterEndpointParams;
import dev.amldebug.server.lsp.Protocol.TreeChildrenParams;
import dev.amldebug.server.lsp.Protocol.TreeNode;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.eclipse.lsp4j.jsonrpc.services.JsonRequest;
import org.eclipse.lsp4j.jsonrpc.services.JsonSegment;

/** The azureml/ requests. */
@JsonSegment("azureml")
public interface AzureMlService {
    @JsonRequest
    CompletableFuture<List<TreeNode>> treeChildren(TreeChildrenParams params);

    @JsonRequest
    CompletableFuture<DebugAdapterEndpoint> debugAdapterEndpoint(DebugAdapterEndpointParams params);
}
