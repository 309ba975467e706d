// The status bar's word on a distributed run while its ranks are paused: "rank 1 paused 12 min; process-group timeouts
// stretched". Each rank's debug shim sends the DAP event amlDebugRanks with every rank's last status (docs/protocol.md,
// "The ranks' line"); the newest per run is kept, and the text is counted again every few seconds.
import * as vscode from 'vscode';
import { isRankSession } from './debugSessions';
import { pauseText, RANKS_EVENT, RanksBody, ranksTooltip } from './pauseText';

const REFRESH_MILLIS = 5_000;

export class PauseStatus implements vscode.Disposable {
    private readonly item = vscode.window.createStatusBarItem(vscode.StatusBarAlignment.Left, 50);
    /** The newest word per run, with the offset from the ranks' clock to this one's (seconds). */
    private readonly runs = new Map<string, { body: RanksBody; offset: number }>();
    private readonly disposables: vscode.Disposable[];
    private readonly timer: ReturnType<typeof setInterval>;

    constructor() {
        this.disposables = [
            vscode.debug.onDidReceiveDebugSessionCustomEvent(e => this.heard(e)),
            vscode.debug.onDidTerminateDebugSession(s => this.ended(s)),
        ];
        this.timer = setInterval(() => this.show(), REFRESH_MILLIS);
    }

    private heard(e: vscode.DebugSessionCustomEvent): void {
        if (e.event !== RANKS_EVENT || !isRankSession(e.session.configuration)) {
            return;
        }
        const body = e.body as RanksBody;
        const runId = String(e.session.configuration.runId ?? e.session.id);
        this.runs.set(runId, { body, offset: Date.now() / 1000 - (body.now ?? Date.now() / 1000) });
        this.show();
    }

    private ended(session: vscode.DebugSession): void {
        if (isRankSession(session.configuration) && !vscode.debug.activeDebugSession) {
            this.runs.clear();
            this.show();
        }
    }

    private show(): void {
        for (const { body, offset } of this.runs.values()) {
            const now = Date.now() / 1000 - offset;
            const text = pauseText(body, now);
            if (text) {
                this.item.text = `$(debug-pause) ${text}`;
                this.item.tooltip = ranksTooltip(body, now);
                this.item.show();
                return;
            }
        }
        this.item.hide();
    }

    dispose(): void {
        clearInterval(this.timer);
        this.item.dispose();
        this.disposables.forEach(d => { d.dispose(); });
    }
}
