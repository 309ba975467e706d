package dev.amldebug.server.lsp;

import java.util.List;

/**
 * The parameters and results of our custom LSP methods (docs/protocol.md), mirrored one to one
 * in vscode-client/src/protocol.ts. Field names are the wire names.
 */
public final class Protocol {
    private Protocol() {
    }

    public record TreeChildrenParams(String nodeId) {
    }

    public record TreeNode(String id, String label, String description, String kind, String contextValue,
                           boolean collapsible, String resourceUri, String tooltip) {
    }

    public record TreeChangedParams(String nodeId) {
    }

    public record RunLogParams(String runId, String file, List<String> lines) {
    }

    public record RunStatusParams(String runId, String status, Integer exitCode) {
    }

    public record DebugReadyParams(String runId, String endpoint) {
    }

    public record DebugAdapterEndpointParams(String runId) {
    }

    public record DebugAdapterEndpoint(String transport, String path, Integer port) {
    }
}
