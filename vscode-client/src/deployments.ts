// Local deployments: debug a score.py (or a deployment YAML) and send it scoring requests.
import * as vscode from 'vscode';
import { ServerCommands } from './commands';
import { Palette } from './palette';
import { TreeNode } from './protocol';

interface ScoreResult { status: number; body: string; millis: number }

/** "Debug deployment locally": from a deployment YAML or a score.py (the context's file, or one picked). */
export async function debugDeployment(palette: Palette, file?: vscode.Uri): Promise<void> {
    const target = file ?? await pick('**/{score.py,*deployment*.yml,*deployment*.yaml}', 'Scoring script or deployment YAML');
    if (!target) {
        return;
    }
    const isYaml = /\.ya?ml$/.test(target.fsPath);
    const model = isYaml ? undefined : await pick('**/*.{pkl,pt,onnx,joblib,bin,txt}', 'Model file');
    if (!isYaml && !model) {
        return;
    }
    const wait = await vscode.window.showQuickPick(['Stop in run()', 'Stop in init() too (wait for the debugger)'],
        { placeHolder: 'Breakpoints' });
    await palette.execute(ServerCommands.debugDeployment, isYaml
        ? { deployment: target.toString(), wait: wait?.startsWith('Stop in init') }
        : { score: target.toString(), model: model!.fsPath, wait: wait?.startsWith('Stop in init') });
}

/** "Send scoring request": the JSON open in the editor, or a sample picked from the folder. */
export async function sendScoringRequest(palette: Palette, node?: TreeNode): Promise<void> {
    const runId = node?.runId ?? await vscode.window.showInputBox({ prompt: 'Deployment run id' });
    if (!runId) {
        return;
    }
    const editor = vscode.window.activeTextEditor;
    const file = editor?.document.languageId === 'json' ? editor.document.uri : await pick('**/*.json', 'Request body');
    if (!file) {
        return;
    }
    const result = await palette.execute<ScoreResult>(ServerCommands.scoreDeployment, { runId, file: file.toString() });
    const document = await vscode.workspace.openTextDocument({ language: 'json', content: result.body });
    await vscode.window.showTextDocument(document, { preview: true, viewColumn: vscode.ViewColumn.Beside });
    vscode.window.showInformationMessage(`Azure ML: ${result.status} in ${result.millis} ms.`);
}

async function pick(glob: string, placeHolder: string): Promise<vscode.Uri | undefined> {
    const files = await vscode.workspace.findFiles(glob, '**/{.azureml,node_modules}/**', 200);
    const chosen = await vscode.window.showQuickPick(files.map(uri => vscode.workspace.asRelativePath(uri)), { placeHolder });
    return chosen ? files.find(uri => vscode.workspace.asRelativePath(uri) === chosen) : undefined;
}
