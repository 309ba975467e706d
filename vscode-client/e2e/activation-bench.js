// The extension's activation time in a real VS Code (code-server 4.100.3, headless Chromium), as VS Code
// itself reports it in "Developer: Show Running Extensions": code loading + the activate() call. Each sample
// installs a .vsix into fresh user-data and extension folders, opens a copy of examples/ (its .runconfig
// activates the extension at start-up) and reads the figure; the .vsix files alternate, so both see the
// same machine. Run (after scripts/e2e-setup.sh):
//   node vscode-client/e2e/activation-bench.js BEFORE.vsix AFTER.vsix [RUNS]
const { spawn, execFileSync } = require('child_process');
const fs = require('fs');
const net = require('net');
const os = require('os');
const path = require('path');

const repo = path.resolve(__dirname, '..', '..');
const tools = process.env.E2E_TOOLS || path.join(os.homedir(), '.cache', 'aml-debug-e2e');
const { chromium } = require(path.join(tools, 'node_modules', 'playwright-core'));
const entry = path.join(tools, 'node_modules', 'code-server', 'out', 'node', 'entry.js');

function freePort() {
    return new Promise(resolve => {
        const server = net.createServer();
        server.listen(0, '127.0.0.1', () => {
            const { port } = server.address();
            server.close(() => resolve(port));
        });
    });
}

async function startCodeServer(root, vsix, workspace) {
    const dirs = ['--user-data-dir', path.join(root, 'user-data'), '--extensions-dir', path.join(root, 'extensions')];
    execFileSync('node', [entry, ...dirs, '--install-extension', vsix], { stdio: 'ignore' });
    const port = await freePort();
    const server = spawn('node', [entry, '--auth', 'none', '--bind-addr', `127.0.0.1:${port}`, '--disable-telemetry',
        '--disable-update-check', '--disable-workspace-trust', ...dirs, workspace]);
    let log = '';
    server.stdout.on('data', d => { log += d; });
    server.stderr.on('data', d => { log += d; });
    const deadline = Date.now() + 60000;
    while (!log.includes('HTTP server listening')) {
        if (Date.now() > deadline) {
            throw new Error(`code-server did not start:\n${log}`);
        }
        await new Promise(resolve => setTimeout(resolve, 200));
    }
    return { server, port };
}

/** One sample: the milliseconds of "Activation: N ms" on the extension's row of the Running Extensions view. */
async function sample(browser, vsix) {
    const root = fs.mkdtempSync(path.join(os.tmpdir(), 'aml-debug-activation-'));
    const workspace = path.join(root, 'examples');
    fs.cpSync(path.join(repo, 'examples'), workspace, { recursive: true });
    const { server, port } = await startCodeServer(root, vsix, workspace);
    const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
    try {
        await page.goto(`http://127.0.0.1:${port}/?folder=${encodeURIComponent(workspace)}`);
        await page.waitForSelector('.monaco-workbench', { timeout: 90000 });
        await page.waitForTimeout(3000);
        await page.keyboard.press('F1');
        await page.waitForSelector('.quick-input-widget:not([style*="display: none"]) input');
        await page.keyboard.type('Developer: Show Running Extensions');
        await page.waitForTimeout(500);
        await page.keyboard.press('Enter');
        const row = page.locator('.runtime-extensions-editor .monaco-list-row', { hasText: 'Azure ML Debug' });
        const deadline = Date.now() + 60000;
        for (;;) {
            const text = await row.innerText({ timeout: 30000 }).catch(() => '');
            const match = /Activation:\s*(\d+)\s*ms/.exec(text);
            if (match) {
                return Number(match[1]);
            }
            if (Date.now() > deadline) {
                throw new Error(`no activation time for the extension in the Running Extensions view: "${text}"`);
            }
            await page.waitForTimeout(500);
        }
    } finally {
        await page.close();
        server.kill();
        fs.rmSync(root, { recursive: true, force: true });
    }
}

function median(values) {
    const sorted = [...values].sort((a, b) => a - b);
    const middle = Math.floor(sorted.length / 2);
    return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
}

async function main() {
    const [before, after, runs = '5'] = process.argv.slice(2);
    if (!before || !after) {
        throw new Error('usage: node vscode-client/e2e/activation-bench.js BEFORE.vsix AFTER.vsix [RUNS]');
    }
    const vsixes = [path.resolve(before), path.resolve(after)];
    const samples = new Map(vsixes.map(vsix => [vsix, []]));
    const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu',
        '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'] });
    try {
        for (let i = 0; i < Number(runs); i++) {
            for (const vsix of i % 2 ? [...vsixes].reverse() : vsixes) {
                samples.get(vsix).push(await sample(browser, vsix));
            }
        }
    } finally {
        await browser.close();
    }
    console.log(`activation in code-server (Running Extensions), ${runs} starts each`);
    console.log('| .vsix | median (ms) | all (ms) |');
    console.log('|---|---|---|');
    for (const [vsix, values] of samples) {
        console.log(`| ${path.basename(vsix)} | ${median(values)} | ${values.join(' ')} |`);
    }
}

main().catch(e => {
    console.error(e.stack || String(e));
    process.exitCode = 1;
});
