package dev.amldebug.server.lsp;

import java.util.List;

/**
 * The parameters and results of our custom LSP methods (docs/protocol.md), mirrored one to one
 * in vscode-client/src/protocol.ts. Field names are the wire names.
 */
public final class Protocol {
    private Protocol() {
    }

    /** @param page for the children past the first page: the {@code page} of the {@code more} node */
    public record TreeChildrenParams(String nodeId, String page) {
        public TreeChildrenParams(String nodeId) {
            this(nodeId, null);
        }
    }

    /**
     * A tree node as the client shows it. Clients never parse {@code id}: what they act on is a field.
     *
     * @param runId  the run a node belongs to (runs, their logs and outputs)
     * @param page   for a {@code kind: "more"} node: the page it loads
     * @param pageOf for a {@code kind: "more"} node: the id of the node whose children it continues
     */
    public record TreeNode(String id, String label, String description, String kind, String contextValue,
                           boolean collapsible, String resourceUri, String tooltip, String runId, String page,
                           String pageOf) {
    }

    public record TreeChangedParams(String nodeId) {
    }

    public record RunLogParams(String runId, String file, List<String> lines) {
    }

    /** A followed Azure ML log: new text from {@code source}, and once {@code ended}. */
    public record AzureLogParams(String streamId, String source, String text, boolean ended) {
    }

    /** @param health for deployments: Starting, Healthy, Unhealthy, Failed or Stopped */

    public record RunStatusParams(String runId, String status, Integer exitCode, String health) {
        public RunStatusParams(String runId, String status, Integer exitCode) {
            this(runId, status, exitCode, null);
        }
    }

    /**
     * {@code pipelineId} and {@code step} for a pipeline step (then {@code runId} is the step's run), else null;
     * {@code azureJob} for a debugpy on an Azure ML compute node that the user asked to attach to (then {@code runId}
     * names the server's target for it), else null.
     */
    /**
     * {@code process}: "rank 3 (node 1)" for a process of a distributed step, else null. {@code postMortem} true
     * (else null) when the run failed and waits for a debugger, with {@code exception}: "ZeroDivisionError: ...".
     */
    public record DebugReadyParams(String runId, String endpoint, String pipelineId, String step, String azureJob,
                                   String process, Boolean postMortem, String exception) {
        public DebugReadyParams(String runId, String endpoint, String pipelineId, String step) {
            this(runId, endpoint, pipelineId, step, null, null);
        }

        public DebugReadyParams(String runId, String endpoint, String pipelineId, String step, String azureJob,
                                String process) {
            this(runId, endpoint, pipelineId, step, azureJob, process, null, null);
        }
    }

    public record DebugAdapterEndpointParams(String runId) {
    }

    public record DebugAdapterEndpoint(String transport, String path, Integer port) {
    }
}
