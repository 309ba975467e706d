// The webview's page: a strict Content-Security-Policy (nothing but our own nonce'd style and script), colours from
// the theme's --vscode-* variables, and a script that shows the picture the extension sends and reports clicks.

/** A nonce for one page: 32 characters of [A-Za-z0-9]. */
export function nonce(random: () => number = Math.random): string {
    const chars = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';
    return Array.from({ length: 32 }, () => chars[Math.floor(random() * chars.length)]).join('');
}

const STYLE = `
body { color: var(--vscode-foreground); background: var(--vscode-editor-background);
  font-family: var(--vscode-font-family); font-size: var(--vscode-font-size); padding: 8px 16px; }
svg text { fill: var(--vscode-foreground); font-family: var(--vscode-font-family); font-size: 11px; }
.status { color: var(--vscode-descriptionForeground); }
.note { color: var(--vscode-editorWarning-foreground); }
.grid { display: flex; flex-wrap: wrap; gap: 12px; }
svg.graph, svg.timeline, svg.chart { max-width: 100%; height: auto; }
.chart { background: var(--vscode-editorWidget-background); border: 1px solid var(--vscode-widget-border, transparent); border-radius: 4px; }
svg text.title { font-weight: 600; font-size: 12px; }
svg text.source, svg text.tick, svg text.edge-label { fill: var(--vscode-descriptionForeground); }
.axis { fill: none; stroke: var(--vscode-descriptionForeground); stroke-opacity: 0.5; }
.line { fill: none; stroke-width: 2; }
.c0 { stroke: var(--vscode-charts-blue); fill: var(--vscode-charts-blue); }
.c1 { stroke: var(--vscode-charts-orange); fill: var(--vscode-charts-orange); }
.c2 { stroke: var(--vscode-charts-green); fill: var(--vscode-charts-green); }
.c3 { stroke: var(--vscode-charts-purple); fill: var(--vscode-charts-purple); }
.c4 { stroke: var(--vscode-charts-red); fill: var(--vscode-charts-red); }
.c5 { stroke: var(--vscode-charts-yellow); fill: var(--vscode-charts-yellow); }
polyline.line { fill: none; }
.edge { fill: none; stroke: var(--vscode-descriptionForeground); stroke-width: 1.5; }
.arrowhead { fill: var(--vscode-descriptionForeground); }
.box { fill: var(--vscode-editorWidget-background); stroke: var(--vscode-widget-border, var(--vscode-descriptionForeground)); }
.clickable, .action { cursor: pointer; }
.step:hover .box.clickable { stroke: var(--vscode-focusBorder); stroke-width: 2; }
svg text.name { font-weight: 600; font-size: 13px; }
svg text.action { fill: var(--vscode-textLink-foreground); text-decoration: underline; }
.band { fill: var(--vscode-descriptionForeground); }
.state-completed .band, .seg-running { fill: var(--vscode-charts-green); }
.state-running .band { fill: var(--vscode-charts-blue); }
.state-failed .band { fill: var(--vscode-charts-red); }
.state-reused .band { fill: var(--vscode-charts-purple); }
.state-queued .band, .state-preparing .band, .state-notStarted .band { fill: var(--vscode-charts-yellow); }
.state-failed svg text.state, .state-failed text.state { fill: var(--vscode-errorForeground); }
.seg-running { fill: var(--vscode-charts-blue); }
.seg-waiting { fill: var(--vscode-charts-yellow); }
.seg-paused { fill: var(--vscode-charts-orange); }
svg text.exit.ok { fill: var(--vscode-charts-green); font-weight: 600; }
svg text.exit.bad { fill: var(--vscode-charts-red); font-weight: 600; }
table.values { border-collapse: collapse; font-family: var(--vscode-editor-font-family); }
table.values th, table.values td { text-align: left; padding: 2px 12px 2px 0; }
tr.differs td { color: var(--vscode-errorForeground); font-weight: 600; }
tr.running td { color: var(--vscode-descriptionForeground); font-style: italic; }
`;

const SCRIPT = `
const vscode = acquireVsCodeApi();
const picture = document.getElementById('picture');
window.addEventListener('message', event => {
  if (event.data && event.data.type === 'show') { picture.innerHTML = event.data.html; }
});
document.addEventListener('click', event => {
  const target = event.target.closest('[data-action]');
  if (target) { vscode.postMessage(Object.assign({}, target.dataset)); }
});
vscode.postMessage({ action: 'ready' });
`;

/** The page, whose #picture the extension fills; `cspSource` is the webview's own origin (webview.cspSource). */
export function pageHtml(title: string, pageNonce: string, cspSource: string): string {
    const csp = `default-src 'none'; img-src ${cspSource}; style-src 'nonce-${pageNonce}'; script-src 'nonce-${pageNonce}';`;
    return `<!DOCTYPE html><html lang="en"><head><meta charset="UTF-8">`
        + `<meta http-equiv="Content-Security-Policy" content="${csp}">`
        + `<meta name="viewport" content="width=device-width, initial-scale=1.0"><title>${title.replace(/</g, '&lt;')}</title>`
        + `<style nonce="${pageNonce}">${STYLE}</style></head><body><div id="picture"><p class="status">Loading…</p></div>`
        + `<script nonce="${pageNonce}">${SCRIPT}</script></body></html>`;
}
