// Entry points where the code is: the CodeLens of job, pipeline and deployment YAML and of a deployment's scoring
// script, the "Run locally" and "Debug locally" commands that they, the context menus and the editor's ▶ call with
// the file's URI, and the context key (azureml-debug.fileKind) the menus read. What to show is in codeLenses.ts.
import * as vscode from 'vscode';
import { deploymentOf, Lens, scoreLenses, yamlLenses } from './codeLenses';
import { launchFor, pipelineSteps, WorkspaceYaml, yamlKind } from './dynamicConfigurations';
import { Palette } from './palette';

const EXCLUDED = '**/{node_modules,.azureml,.git,.venv}/**';
export const FILE_KIND_KEY = 'azureml-debug.fileKind';

/** Each folder's YAML files, read once until one of them changes (the lenses ask at every repaint of a score.py). */
const scanned = new Map<string, Promise<WorkspaceYaml[]>>();

/** The YAML files of a folder, with their text: for the Run and Debug list and to find a script's deployment. */
export function workspaceYaml(folder: vscode.WorkspaceFolder): Promise<WorkspaceYaml[]> {
    const key = folder.uri.toString();
    let files = scanned.get(key);
    if (!files) {
        files = scan(folder);
        scanned.set(key, files);
        files.catch(() => scanned.delete(key));
    }
    return files;
}

async function scan(folder: vscode.WorkspaceFolder): Promise<WorkspaceYaml[]> {
    const uris = await vscode.workspace.findFiles(new vscode.RelativePattern(folder, '**/*.{yml,yaml}'), EXCLUDED, 200);
    return Promise.all(uris.map(async uri => ({ relative: vscode.workspace.asRelativePath(uri, false), text: await read(uri) })));
}

export class AzureMlCodeLenses implements vscode.CodeLensProvider {
    async provideCodeLenses(document: vscode.TextDocument): Promise<vscode.CodeLens[]> {
        if (!vscode.workspace.isTrusted) {
            return [];
        }
        if (document.languageId !== 'python') {
            return yamlLenses(document.getText()).map(lens => codeLens(lens, document.uri));
        }
        const lenses = isScoringScript(document.getText()) ? scoreLenses(document.getText()) : [];
        const deployment = lenses.length > 0 ? await deploymentFor(document.uri) : undefined;
        return deployment ? lenses.map(lens => codeLens(lens, deployment)) : [];
    }
}

/** "Run locally": a job or pipeline YAML in Docker, without the debugger. */
export async function runLocally(palette: Palette, uri?: vscode.Uri): Promise<void> {
    const file = uri ?? vscode.window.activeTextEditor?.document.uri;
    const kind = file && /\.ya?ml$/.test(file.path) ? yamlKind(await read(file)) : undefined;
    if (!file || (kind !== 'job' && kind !== 'pipeline')) {
        throw new Error('Run locally takes a command job or pipeline YAML: open one, or right-click it in the Explorer.');
    }
    await palette.submit(false, vscode.workspace.asRelativePath(file, false));
}

/**
 * "Debug locally": the azureml launch of a job YAML, a pipeline's step (asked when it has several), a deployment YAML,
 * the deployment of a scoring script, or else a Python script with the default environment.
 */
export async function debugLocally(uri?: vscode.Uri): Promise<void> {
    const file = uri ?? vscode.window.activeTextEditor?.document.uri;
    if (!file) {
        throw new Error('Debug locally takes a job, pipeline or deployment YAML, or a Python script: open one first.');
    }
    const folder = vscode.workspace.getWorkspaceFolder(file);
    const configuration = await launchConfiguration(file);
    if (configuration) {
        await vscode.debug.startDebugging(folder, configuration);
    }
}

async function launchConfiguration(file: vscode.Uri): Promise<vscode.DebugConfiguration | undefined> {
    const relative = vscode.workspace.asRelativePath(file, false);
    if (file.path.endsWith('.py')) {
        const deployment = isScoringScript(await read(file)) ? await deploymentFor(file) : undefined;
        return deployment ? launchFor('deployment', vscode.workspace.asRelativePath(deployment, false))
            : { type: 'azureml', request: 'launch', name: `Azure ML: debug ${relative}`, script: file.fsPath };
    }
    const text = await read(file);
    const kind = yamlKind(text);
    if (!kind) {
        throw new Error(`${relative} is not a command job, pipeline or deployment YAML, so there is nothing to debug in it.`);
    }
    const steps = kind === 'pipeline' ? pipelineSteps(text) : [];
    const step = steps.length > 1 ? await vscode.window.showQuickPick(steps, { placeHolder: 'The pipeline step to debug '
        + '(the steps before it run first, the others without the debugger)' }) : undefined;
    return steps.length > 1 && !step ? undefined : launchFor(kind, relative, step);
}

/** A command's argument when it is a file (from a menu, a CodeLens or the editor's ▶); a tree node is not one. */
export function fileArgument(argument: unknown): vscode.Uri | undefined {
    return argument instanceof vscode.Uri ? argument : undefined;
}

/** What needs no server: the lenses, and the file kind the menus read. */
export function registerEntryPoints(context: vscode.ExtensionContext): void {
    const watcher = vscode.workspace.createFileSystemWatcher('**/*.{yml,yaml}');
    const forget = () => scanned.clear();
    context.subscriptions.push(watcher, watcher.onDidCreate(forget), watcher.onDidChange(forget), watcher.onDidDelete(forget),
        vscode.languages.registerCodeLensProvider([{ scheme: 'file', pattern: '**/*.{yml,yaml}' },
            { scheme: 'file', language: 'python' }], new AzureMlCodeLenses()));
    trackFileKind(context);
}

/** Keeps azureml-debug.fileKind on the active editor's file: job, pipeline, deployment, score, or empty. */
function trackFileKind(context: vscode.ExtensionContext): void {
    const update = () => {
        const document = vscode.window.activeTextEditor?.document;
        const text = document?.getText() ?? '';
        const kind = document?.languageId === 'python' ? (isScoringScript(text) ? 'score' : '') : document ? yamlKind(text) ?? '' : '';
        void vscode.commands.executeCommand('setContext', FILE_KIND_KEY, kind);
    };
    context.subscriptions.push(vscode.window.onDidChangeActiveTextEditor(update),
        vscode.workspace.onDidSaveTextDocument(update));
    update();
}

function isScoringScript(text: string): boolean {
    return /^def\s+init\s*\(/m.test(text) && /^def\s+run\s*\(/m.test(text);
}

async function deploymentFor(script: vscode.Uri): Promise<vscode.Uri | undefined> {
    const folder = vscode.workspace.getWorkspaceFolder(script);
    if (!folder) {
        return undefined;
    }
    const found = deploymentOf(vscode.workspace.asRelativePath(script, false), await workspaceYaml(folder));
    return found ? vscode.Uri.joinPath(folder.uri, found) : undefined;
}

function codeLens(lens: Lens, argument: vscode.Uri): vscode.CodeLens {
    return new vscode.CodeLens(new vscode.Range(lens.line, 0, lens.line, 0),
        { title: lens.title, command: lens.command, arguments: [argument] });
}

async function read(uri: vscode.Uri): Promise<string> {
    return Buffer.from(await vscode.workspace.fs.readFile(uri)).toString('utf8');
}
