// A picture in a webview panel: loaded from the server, shown, and loaded again every second while the panel is
// visible and what it shows is still running. One panel per picture and run: asking again reveals it.
import * as vscode from 'vscode';
import { nonce, pageHtml } from './page';

export interface Picture { html: string; active: boolean }
export type PictureAction = Record<string, string>;

const REFRESH_MS = 1000;

export class PicturePanel {
    private static readonly open = new Map<string, PicturePanel>();
    private timer: NodeJS.Timeout | undefined;
    private last: Picture | undefined;
    private disposed = false;

    static show(key: string, title: string, load: () => Promise<Picture>,
        act: (action: PictureAction) => Promise<void>): void {
        const existing = PicturePanel.open.get(key);
        if (existing) {
            existing.panel.reveal();
            return;
        }
        // Beside the code: a debugger that stops reveals its file in the code's group, and the picture stays in view.
        const panel = vscode.window.createWebviewPanel('azureml.picture', title,
            { viewColumn: vscode.ViewColumn.Beside, preserveFocus: true }, { enableScripts: true, localResourceRoots: [] });
        PicturePanel.open.set(key, new PicturePanel(key, panel, load, act));
    }

    private constructor(private readonly key: string, private readonly panel: vscode.WebviewPanel,
        private readonly load: () => Promise<Picture>, act: (action: PictureAction) => Promise<void>) {
        panel.webview.html = pageHtml(panel.title, nonce(), panel.webview.cspSource);
        panel.webview.onDidReceiveMessage((message: PictureAction) => {
            if (message.action === 'ready') {
                this.post();
                return;
            }
            act(message).catch(e => vscode.window.showErrorMessage(`Azure ML: ${e instanceof Error ? e.message : String(e)}`));
        });
        panel.onDidChangeViewState(() => {
            if (panel.visible && !this.timer && this.last?.active !== false) {
                void this.refresh();
            }
        });
        panel.onDidDispose(() => {
            this.disposed = true;
            clearTimeout(this.timer);
            PicturePanel.open.delete(this.key);
        });
        void this.refresh();
    }

    private async refresh(): Promise<void> {
        this.timer = undefined;
        try {
            this.last = await this.load();
        } catch (e) {
            this.last = { html: `<p class="note">${String(e instanceof Error ? e.message : e).replace(/</g, '&lt;')}</p>`, active: false };
        }
        if (this.disposed) {
            return;
        }
        this.post();
        if (this.last.active && this.panel.visible) {
            this.timer = setTimeout(() => void this.refresh(), REFRESH_MS);
        }
    }

    private post(): void {
        if (this.last) {
            void this.panel.webview.postMessage({ type: 'show', html: this.last.html });
        }
    }
}
