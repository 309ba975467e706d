package dev.amldebug.server.tree.azure;

import dev.amldebug.azure.config.WorkspaceId;
import dev.amldebug.errors.AmlDebugException;
import dev.amldebug.server.tree.NodeId;

/**
 * The ids of the Azure ML tree: {@code azure/s/SUB} for a subscription,
 * {@code azure/s/SUB/GROUP/WORKSPACE} for a workspace, then a section ({@code experiments},
 * {@code compute}, ...) or {@code jobs/JOB} and a job's {@code steps}, {@code logs},
 * {@code logs/FILE} and {@code outputs}.
 */
public final class AzureNodeIds {
    public static final String PROVIDER = "azure";
    public static final NodeId ROOT = NodeId.root(PROVIDER);
    private static final int WORKSPACE_DEPTH = 4;

    private AzureNodeIds() {
    }

    public static NodeId subscription(String subscriptionId) {
        return ROOT.child("s", subscriptionId);
    }

    public static NodeId workspace(WorkspaceId workspace) {
        return subscription(workspace.subscriptionId()).child(workspace.resourceGroup(), workspace.workspaceName());
    }

    public static NodeId job(WorkspaceId workspace, String jobName) {
        return workspace(workspace).child("jobs", jobName);
    }

    public static boolean isWorkspaceOrBelow(NodeId id) {
        return "s".equals(id.segment(0)) && id.segments().size() >= WORKSPACE_DEPTH;
    }

    /** The workspace a node belongs to. */
    public static WorkspaceId workspaceOf(NodeId id) {
        if (!PROVIDER.equals(id.provider()) || !isWorkspaceOrBelow(id)) {
            throw AmlDebugException.notFound("'" + id + "' is not a node of an Azure ML workspace. Refresh the tree.");
        }
        return new WorkspaceId(id.segment(1), id.segment(2), id.segment(3));
    }

    /** What the node is inside its workspace: "" for the workspace, then the section and the rest. */
    public static String section(NodeId id) {
        return id.segment(WORKSPACE_DEPTH);
    }

    /** The job a job node (or one of its children) stands for. */
    public static String jobOf(NodeId id) {
        if (!"jobs".equals(section(id)) || id.segment(WORKSPACE_DEPTH + 1).isEmpty()) {
            throw AmlDebugException.badInput("'" + id + "' is not an Azure ML job. Pick a job in the tree.");
        }
        return id.segment(WORKSPACE_DEPTH + 1);
    }

    /** Below a job: "" for the job itself, else steps, logs or outputs. */
    public static String jobPart(NodeId id) {
        return id.segment(WORKSPACE_DEPTH + 2);
    }

    /** The log file a log node stands for. */
    public static String logFileOf(NodeId id) {
        if (!"logs".equals(jobPart(id)) || id.segments().size() <= WORKSPACE_DEPTH + 3) {
            throw AmlDebugException.badInput("'" + id + "' is not a log file. Pick a log under a job's Logs.");
        }
        return id.rest(WORKSPACE_DEPTH + 3);
    }
}
