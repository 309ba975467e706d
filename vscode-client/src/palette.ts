// The palette flows: quick picks that gather arguments, then one server command each.
import * as path from 'path';
import * as vscode from 'vscode';
import { LanguageClient } from 'vscode-languageclient/node';
import { ServerCommands } from './commands';

export class Palette {
    constructor(private readonly client: LanguageClient) {}

    execute<T>(command: string, args: object): Promise<T> {
        return this.client.sendRequest<T>('workspace/executeCommand', { command, arguments: [args] });
    }

    async createExperiment(): Promise<void> {
        const name = await vscode.window.showInputBox({ prompt: 'Experiment name', placeHolder: 'digits' });
        if (name) {
            await this.execute(ServerCommands.createExperiment, { name });
        }
    }

    /** The Azure ML guide's flow: script, environment, dataset, "Add debugpy" or "Skip"; then the YAML opens. */
    async createRunConfiguration(): Promise<void> {
        const scripts = await vscode.workspace.findFiles('**/*.py', '**/{.azureml,node_modules,outputs}/**', 200);
        const script = await vscode.window.showQuickPick(scripts.map(uri => vscode.workspace.asRelativePath(uri)),
            { placeHolder: 'Script to run' });
        if (!script) {
            return;
        }
        const environments = await vscode.workspace.findFiles('**/{env,environment,*.env}.{yml,yaml}', '**/.azureml/runs/**', 50);
        const environment = await vscode.window.showQuickPick(['Default base image',
            ...environments.map(uri => vscode.workspace.asRelativePath(uri))], { placeHolder: 'Environment' });
        const dataset = await vscode.window.showInputBox({ prompt: 'Dataset folder (optional)', placeHolder: 'data' });
        const debugpy = await vscode.window.showQuickPick(['Add debugpy', 'Skip'], { placeHolder: 'Debugging' });
        const result = await this.execute<{ uri: string }>(ServerCommands.createRunConfiguration, {
            script,
            environment: environment && environment !== 'Default base image' ? environment : undefined,
            dataset: dataset || undefined,
            addDebugpy: debugpy === 'Add debugpy',
        });
        await vscode.window.showTextDocument(vscode.Uri.parse(result.uri));
    }

    /** Picks a job file (the active one when it is a job) for submit or run. */
    async pickConfiguration(): Promise<string | undefined> {
        const active = vscode.window.activeTextEditor?.document.uri;
        if (active && /\.(ya?ml|runconfig|py)$/.test(active.fsPath)) {
            return vscode.workspace.asRelativePath(active);
        }
        const files = await vscode.workspace.findFiles('**/*.{yml,yaml,runconfig}', '**/{.azureml/runs,node_modules}/**', 200);
        return vscode.window.showQuickPick(files.map(uri => vscode.workspace.asRelativePath(uri)),
            { placeHolder: 'Job to run (v2 job YAML, .runconfig)' });
    }

    /** postMortem: a failure waits for a debugger (debugReady with postMortem says when). */
    async submit(debug: boolean, configuration?: string, postMortem = false): Promise<string | undefined> {
        const chosen = configuration ?? await this.pickConfiguration();
        if (!chosen) {
            return undefined;
        }
        const { runId } = await this.execute<{ runId: string }>(ServerCommands.submitExperiment,
            { configuration: workspaceRelative(chosen), debug, ...(postMortem ? { postMortem } : {}) });
        vscode.window.setStatusBarMessage(`Azure ML: run ${runId} submitted`, 5000);
        return runId;
    }

    async addLaunchConfiguration(kind: 'remote' | 'deployment'): Promise<void> {
        if (kind === 'deployment') {
            await this.execute(ServerCommands.addLaunchConfiguration, { kind });
            return;
        }
        const host = await vscode.window.showInputBox({ prompt: 'Address of the compute node (the step logs "ip_address: ...")' });
        const port = await vscode.window.showInputBox({ prompt: 'Port debugpy listens on', value: '5678' });
        if (host && port) {
            await this.execute(ServerCommands.addLaunchConfiguration, { kind, host, port: Number(port) });
        }
    }

    /** Runs still going are never removed; the server says which went. */
    async pruneRuns(): Promise<void> {
        const result = await this.execute<{ removed: string[] }>(ServerCommands.pruneRuns, { olderThanDays: 30 });
        vscode.window.showInformationMessage(`Azure ML: removed ${result.removed.length} run(s) that ended over 30 days ago.`);
    }

    async pruneImages(): Promise<void> {
        const result = await this.execute<{ removed: string[]; bytesFreed: number }>(ServerCommands.pruneImages,
            { olderThanDays: 7 });
        vscode.window.showInformationMessage(`Azure ML: removed ${result.removed.length} image(s), freed `
            + `${(result.bytesFreed / 1e6).toFixed(0)} MB.`);
    }
}

/** A path as the server takes it: relative to the first workspace folder. */
export function workspaceRelative(file: string): string {
    const folder = vscode.workspace.workspaceFolders?.[0]?.uri.fsPath ?? '';
    return path.isAbsolute(file) ? path.relative(folder, file) : file;
}
