// One output channel per run, fed by azureml/runLog.
import * as vscode from 'vscode';
import { RunLogParams } from './protocol';

export class RunOutputs implements vscode.Disposable {
    private readonly channels = new Map<string, vscode.OutputChannel>();

    append(params: RunLogParams): void {
        let channel = this.channels.get(params.runId);
        if (!channel) {
            channel = vscode.window.createOutputChannel(`Azure ML run ${params.runId}`);
            this.channels.set(params.runId, channel);
            channel.show(true);
        }
        const prefix = params.file.startsWith('60_') ? '[control] ' : '';
        params.lines.forEach(line => channel.appendLine(prefix + line));
    }

    dispose(): void {
        this.channels.forEach(channel => channel.dispose());
    }
}
