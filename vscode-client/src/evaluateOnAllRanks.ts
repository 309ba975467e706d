// "Evaluate on All Ranks": one expression in the top frame of every paused rank of a distributed run, as a table in
// a webview. Each rank is a child session of the run's hub (its configuration has rank, node and runId); a tracker
// keeps which thread of each stopped, so that a running rank is shown as running, not asked.
import * as vscode from 'vscode';
import { isRankSession } from './debugSessions';
import { nonce, pageHtml } from './pictures/page';
import { rankEventOf } from './pictures/rankEvents';
import { compareValues, fingerprintExpression, RankValue, valuesHtml } from './rankValues';

/** Whether the debug toolbar and the palette offer the command: a rank's session is active. */
const CONTEXT_KEY = 'azureml.rankSessionActive';

interface DapMessage { type?: string; event?: string; command?: string; body?: { threadId?: number; reason?: string } }

export class AllRanksEvaluation implements vscode.Disposable {
    private readonly sessions = new Set<vscode.DebugSession>();
    /** The stopped thread of each rank's session that is paused, by session id. */
    private readonly stopped = new Map<string, number>();
    private readonly disposables: vscode.Disposable[] = [];
    private panel: vscode.WebviewPanel | undefined;
    /** The table the panel shows, for a page that loads again (hidden, then shown). */
    private shown = '';
    private last: { expression: string; runId: string } | undefined;

    constructor() {
        this.disposables.push(
            vscode.debug.onDidStartDebugSession(session => this.started(session)),
            vscode.debug.onDidTerminateDebugSession(session => this.ended(session)),
            vscode.debug.registerDebugAdapterTrackerFactory('azureml', {
                createDebugAdapterTracker: session => isRankSession(session.configuration)
                    ? { onDidSendMessage: (m: DapMessage) => this.heard(session, m),
                        onWillReceiveMessage: (m: DapMessage) => this.heard(session, m) }
                    : undefined,
            }));
    }

    /** Asks for the expression (the editor's selection first) and shows every rank's value of the active run. */
    async evaluate(): Promise<void> {
        const runId = this.activeRun();
        if (!runId) {
            throw new Error('No rank of a distributed run is being debugged: start the debugger on the run, then pause a rank.');
        }
        const editor = vscode.window.activeTextEditor;
        const selected = editor && !editor.selection.isEmpty ? editor.document.getText(editor.selection) : '';
        const expression = await vscode.window.showInputBox({ prompt: 'Expression to evaluate on every paused rank',
            value: selected || this.last?.expression, placeHolder: 'loss' });
        if (expression?.trim()) {
            await this.show(expression.trim(), runId);
        }
    }

    private async show(expression: string, runId: string): Promise<void> {
        this.last = { expression, runId };
        const ranks = [...this.sessions].filter(s => runOf(s) === runId)
            .sort((a, b) => (rankOf(a).rank ?? 0) - (rankOf(b).rank ?? 0));
        const values = await Promise.all(ranks.map(session => this.valueOf(session, expression)));
        this.shown = valuesHtml(expression, compareValues(values));
        this.panel = this.panel ?? this.openPanel();
        this.panel.title = `Ranks: ${expression}`;
        this.panel.reveal(undefined, true);
        void this.panel.webview.postMessage({ type: 'show', html: this.shown });
    }

    private openPanel(): vscode.WebviewPanel {
        const panel = vscode.window.createWebviewPanel('azureml.rankValues', 'Ranks',
            { viewColumn: vscode.ViewColumn.Beside, preserveFocus: true }, { enableScripts: true, localResourceRoots: [] });
        panel.webview.html = pageHtml('Ranks', nonce(), panel.webview.cspSource);
        panel.webview.onDidReceiveMessage((message: { action?: string }) => {
            if (message.action === 'ready') {
                void panel.webview.postMessage({ type: 'show', html: this.shown });
            } else if (message.action === 'again' && this.last) {
                this.show(this.last.expression, this.last.runId).catch(e => vscode.window.showErrorMessage(
                    `Azure ML: ${e instanceof Error ? e.message : String(e)}`));
            }
        });
        panel.onDidDispose(() => {
            this.panel = undefined;
        });
        return panel;
    }

    private async valueOf(session: vscode.DebugSession, expression: string): Promise<RankValue> {
        const rank = rankOf(session);
        const thread = this.stopped.get(session.id);
        if (thread === undefined) {
            return rank;
        }
        try {
            const trace = await session.customRequest('stackTrace', { threadId: thread, levels: 1 }) as
                { stackFrames?: { id: number }[] };
            const frameId = trace.stackFrames?.[0]?.id;
            if (frameId === undefined) {
                return rank;
            }
            const answer = await session.customRequest('evaluate', { expression: fingerprintExpression(expression),
                frameId, context: 'repl' }) as { result?: string };
            return { ...rank, value: String(answer.result) };
        } catch (e) {
            const lines = String(e instanceof Error ? e.message : e).split('\n').filter(line => line.trim());
            return { ...rank, value: `error: ${lines[lines.length - 1] ?? ''}` };
        }
    }

    /** The run of the active session: a rank's, or the hub's parent session, whose children carry its runId. */
    private activeRun(): string | undefined {
        const active = vscode.debug.activeDebugSession;
        const runId = active && runOf(active);
        const sessions = [...this.sessions];
        if (runId && sessions.some(s => runOf(s) === runId)) {
            return runId;
        }
        const child = sessions.find(s => s.parentSession?.id === active?.id) ?? sessions[0];
        return child && runOf(child);
    }

    private started(session: vscode.DebugSession): void {
        if (session.type === 'azureml' && isRankSession(session.configuration) && runOf(session)) {
            this.sessions.add(session);
            void vscode.commands.executeCommand('setContext', CONTEXT_KEY, true);
        }
    }

    private ended(session: vscode.DebugSession): void {
        this.stopped.delete(session.id);
        if (this.sessions.delete(session) && this.sessions.size === 0) {
            void vscode.commands.executeCommand('setContext', CONTEXT_KEY, false);
        }
    }

    private heard(session: vscode.DebugSession, message: DapMessage): void {
        const state = rankEventOf(message, Date.now())?.state;
        if (state === 'paused' && message.body?.threadId !== undefined) {
            this.stopped.set(session.id, message.body.threadId);
        } else if (state === 'running') {
            this.stopped.delete(session.id);
        }
    }

    dispose(): void {
        for (const disposable of this.disposables) {
            disposable.dispose();
        }
        this.panel?.dispose();
    }
}

function runOf(session: vscode.DebugSession): string | undefined {
    const runId: unknown = session.configuration.runId;
    return typeof runId === 'string' ? runId : undefined;
}

/** A rank's session as a row: its rank and node from the configuration its hub gave it. */
function rankOf(session: vscode.DebugSession): RankValue {
    const { rank, node } = session.configuration as { rank?: number; node?: number };
    return { label: rank === undefined ? session.name : `rank ${rank}`, rank, node };
}
