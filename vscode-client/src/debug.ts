// Debug type azureml: each session gets a fresh endpoint from the server (azureml/debugAdapterEndpoint).
import * as vscode from 'vscode';
import { ServerCommands } from './commands';
import { DebuggableRun, NO_DEBUGGABLE_RUN, runPicks } from './runPicks';
import { dynamicConfigurations } from './dynamicConfigurations';
import { workspaceYaml } from './entryPoints';
import { LanguageClient } from 'vscode-languageclient/node';
import { endpointParams } from './debugSessions';
import { DebugAdapterEndpointRequest } from './protocol';

/** For every azureml session: the user's, and each rank's child session that a hub's parent session starts. */
export class AzureMlDebugAdapterFactory implements vscode.DebugAdapterDescriptorFactory {
    constructor(private readonly client: LanguageClient) {}

    async createDebugAdapterDescriptor(session: vscode.DebugSession): Promise<vscode.DebugAdapterDescriptor> {
        if (!vscode.workspace.isTrusted) {
            throw new Error('This folder is not trusted, and debugging runs code from it: trust the folder (Manage Workspace Trust) to debug here.');
        }
        const endpoint = await this.client.sendRequest(DebugAdapterEndpointRequest, endpointParams(session.configuration));
        if (endpoint.transport === 'pipe' && endpoint.path) {
            return new vscode.DebugAdapterNamedPipeServer(endpoint.path);
        }
        return new vscode.DebugAdapterServer(endpoint.port!, '127.0.0.1');
    }
}

/**
 * Starts the debugger on a run that waits for one, or on a debugpy the server found on an Azure ML compute node (its
 * runId names the server's target).
 */
export function attachToRun(runId: string, name = `Azure ML: ${runId}`, folder?: vscode.WorkspaceFolder): Thenable<boolean> {
    return vscode.debug.startDebugging(folder ?? vscode.workspace.workspaceFolders?.[0],
        { type: 'azureml', request: 'attach', name, runId });
}

/**
 * Asks which run to attach to, among those a debugger can join now; undefined when there is none or the user goes
 * (a launch whose ${command:pickRun} gives undefined does not start).
 */
export async function pickRun(execute: <T>(command: string, args: object) => Promise<T>): Promise<string | undefined> {
    const { runs } = await execute<{ runs: DebuggableRun[] }>(ServerCommands.debuggableRuns, {});
    if (runs.length === 0) {
        void vscode.window.showInformationMessage(NO_DEBUGGABLE_RUN);
        return undefined;
    }
    const picked = await vscode.window.showQuickPick(runPicks(runs), { placeHolder: 'The run to attach the debugger to' });
    return picked?.runId;
}

/**
 * The Azure ML entries of Run and Debug: a launch per command job YAML, per pipeline step and per deployment YAML of the
 * folder, and the current file.
 */
export class AzureMlDynamicConfigurations implements vscode.DebugConfigurationProvider {
    /** Asked once per folder, and once without (for the user settings): the entries are the folders'. */
    async provideDebugConfigurations(folder?: vscode.WorkspaceFolder): Promise<vscode.DebugConfiguration[]> {
        return folder ? dynamicConfigurations(await workspaceYaml(folder)) : [];
    }
}
