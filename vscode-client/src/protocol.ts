// The azureml/ methods of docs/protocol.md, one type per method. Keep both in step:
// test/protocol.test.ts fails when they name different methods.
import { NotificationType, RequestType } from 'vscode-jsonrpc';

/** page: for a node of kind 'more', its page; nodeId is then its pageOf. */
export interface TreeChildrenParams { nodeId?: string; page?: string }
/** Ids are opaque: what the extension acts on (runId, resourceUri, ...) is a field of its own. */
export interface TreeNode {
    id: string;
    label: string;
    description?: string;
    kind: string;
    contextValue: string;
    collapsible: boolean;
    resourceUri?: string;
    tooltip?: string;
    /** The run a node belongs to: runs, their logs and outputs. */
    runId?: string;
    /** For a 'more' node: the page it loads, and the id of the node whose children it continues. */
    page?: string;
    pageOf?: string;
}
export interface TreeChangedParams { nodeId?: string }
export interface RunLogParams { runId: string; file: string; lines: string[] }
/** health: for deployments, Starting, Healthy, Unhealthy, Failed or Stopped. */
export interface RunStatusParams { runId: string; status: string; exitCode?: number; health?: string }
export interface DebugReadyParams { runId: string; endpoint: string }
export interface DebugAdapterEndpointParams { runId?: string }
export interface DebugAdapterEndpoint { transport: 'pipe' | 'tcp'; path?: string; port?: number }

export const TreeChildrenRequest = new RequestType<TreeChildrenParams, TreeNode[], void>('azureml/treeChildren');
export const DebugAdapterEndpointRequest =
    new RequestType<DebugAdapterEndpointParams, DebugAdapterEndpoint, void>('azureml/debugAdapterEndpoint');
export const TreeChangedNotification = new NotificationType<TreeChangedParams>('azureml/treeChanged');
export const RunLogNotification = new NotificationType<RunLogParams>('azureml/runLog');
export const RunStatusNotification = new NotificationType<RunStatusParams>('azureml/runStatus');
export const DebugReadyNotification = new NotificationType<DebugReadyParams>('azureml/debugReady');

/** Every custom method, for the mirror test. */
export const AllMethods: string[] = [TreeChildrenRequest, DebugAdapterEndpointRequest, TreeChangedNotification,
    RunLogNotification, RunStatusNotification, DebugReadyNotification].map(type => type.method);
