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
/**
 * For a pipeline step, runId is the step's run, with its pipeline's run and the step's name. With azureJob, the
 * debugpy of that Azure ML job (endpoint: its address) that the user asked to attach to (with "Attach debugger", or as
 * a step of debugSteps on azureml.azure.submit: then with pipelineId and step too); runId names the server's target.
 */
export interface DebugReadyParams {
    runId: string; endpoint: string; pipelineId?: string; step?: string; azureJob?: string;
    /** "rank 3 (node 1)": a process of a distributed step. */
    process?: string;
    /** The run failed with exception ("ZeroDivisionError: division by zero") and waits for a debugger (post-mortem). */
    postMortem?: boolean; exception?: string;
}
export interface DebugAdapterEndpointParams { runId?: string }
export interface DebugAdapterEndpoint { transport: 'pipe' | 'tcp'; path?: string; port?: number }
/** New text of a followed Azure ML log: raw (several lines, or part of one); once, last, with ended. */
export interface AzureLogParams { streamId: string; source: string; text: string; ended: boolean }

// Results of the azureml.azure.* commands (workspace/executeCommand).
export interface AzureSignInResult { account: string }
/** One token of VS Code's Microsoft sign-in: for tenantId (absent: the token's own tid claim says it). A secret. */
export interface TenantToken { tenantId?: string; token: string; tenantName?: string }
/** azureml.azure.signIn's arguments: tokens, one per tenant; none: the server's credential chain (az login, ...). */
export interface AzureSignInArguments { tokens?: TenantToken[] }
export interface Tenant { tenantId: string; displayName: string; defaultDomain?: string }
export interface TenantsResult { tenants: Tenant[] }
export interface SignedInResult { signedIn: boolean; account?: string }
export interface ComputeTarget { compute: string; workspaceId: string; description: string }
/**
 * workspace: the folder's configured workspace, else the default one (azureML.defaultWorkspaceId; isDefault then), absent
 * when there is neither (targets is then empty).
 */
export interface ComputeTargets { workspace?: string; isDefault?: boolean; targets: ComputeTarget[] }
/** The debugSteps of azureml.azure.submit: the pipeline steps to run under the debugger and attach to. */
export interface AzureSubmitArguments { config: string; compute: string; workspaceId?: string; experiment?: string;
    debugSteps?: string[]; debug?: boolean; postMortem?: boolean; waitTimeout?: number; installDebugpy?: boolean;
    allowPublic?: boolean }
/** steps: a pipeline job YAML's step names, in file order; none for a command job. */
export interface PipelineStepsResult { pipeline: boolean; steps: string[] }
export interface AzureSubmitResult { jobName: string; nodeId: string; studioUrl: string; status: string }
export interface CancelJobResult { jobName: string; status: string }
export interface StudioUrlResult { url: string }
export interface FollowLogResult { streamId: string; job: string; file: string }
/** runId: what the editor attaches with (an azureml attach), as for a local run. */
export interface AttachJobResult { host: string; port: number; runId: string; job: string }
export interface AddAttachConfigurationResult { uri: string; applied: boolean; host: string; port: number }
/** replayOf: "WORKSPACE/JOB". */
export interface ReplayJobResult { runId: string; replayOf: string }

export const TreeChildrenRequest = new RequestType<TreeChildrenParams, TreeNode[], void>('azureml/treeChildren');
export const DebugAdapterEndpointRequest =
    new RequestType<DebugAdapterEndpointParams, DebugAdapterEndpoint, void>('azureml/debugAdapterEndpoint');
export const TreeChangedNotification = new NotificationType<TreeChangedParams>('azureml/treeChanged');
export const RunLogNotification = new NotificationType<RunLogParams>('azureml/runLog');
export const RunStatusNotification = new NotificationType<RunStatusParams>('azureml/runStatus');
export const DebugReadyNotification = new NotificationType<DebugReadyParams>('azureml/debugReady');
export const AzureLogNotification = new NotificationType<AzureLogParams>('azureml/azureLog');

/** Every custom method, for the mirror test. */
export const AllMethods: string[] = [TreeChildrenRequest, DebugAdapterEndpointRequest, TreeChangedNotification,
    RunLogNotification, RunStatusNotification, DebugReadyNotification, AzureLogNotification].map(type => type.method);
