// Measures the extension's activation as VS Code counts it in "Developer: Show Running Extensions"
// (code loading + the activate() call until it returns its promise), for the esbuild bundle
// (dist/extension.js, what the .vsix ships) against the tsc output with node_modules (out/src/extension.js,
// what the .vsix shipped before the bundle). Each sample is a fresh Node process with a stubbed `vscode`
// module; the two entry points alternate, so both see the same machine. The server start that activate()
// then waits for is the same for both and is not counted.
// Run: cd vscode-client && npm run compile && npm run bundle && node scripts/activation-bench.js [RUNS]
const { execFileSync } = require('child_process');
const path = require('path');

const root = path.join(__dirname, '..');
const entries = { 'tsc output + node_modules': path.join(root, 'out', 'src', 'extension.js'),
    'esbuild bundle': path.join(root, 'dist', 'extension.js') };

function child(entry) {
    const Module = require('module');
    const disposable = { dispose() {} };
    const channel = { append() {}, appendLine() {}, show() {}, dispose() {} };
    const api = {
        version: '1.100.0',
        window: { createOutputChannel: () => channel, showErrorMessage: () => Promise.resolve(undefined) },
        workspace: { getConfiguration: () => ({ get: () => undefined }) },
        commands: { registerCommand: () => disposable, executeCommand: () => Promise.resolve(undefined) },
    };
    // vscode-languageclient extends a few vscode classes when it loads; any other name is an empty class.
    const vscode = new Proxy(api, { get: (target, name) => name in target ? target[name] : class {} });
    const load = Module._load;
    Module._load = function (request, ...rest) {
        return request === 'vscode' ? vscode : load.call(this, request, ...rest);
    };
    const context = { subscriptions: [], extensionPath: root, logUri: { fsPath: '/tmp' } };
    const t0 = process.hrtime.bigint();
    const extension = require(entry);
    const t1 = process.hrtime.bigint();
    extension.activate(context).catch(() => {});
    const t2 = process.hrtime.bigint();
    process.stdout.write(JSON.stringify({ load: Number(t1 - t0) / 1e6, activate: Number(t2 - t1) / 1e6 }));
    process.exit(0);
}

function median(values) {
    const sorted = [...values].sort((a, b) => a - b);
    const middle = Math.floor(sorted.length / 2);
    return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
}

function main(runs) {
    // With no java on the PATH, activate() fails to find Java after it has returned: no server process starts.
    const env = { PATH: '', HOME: process.env.HOME };
    const samples = Object.fromEntries(Object.keys(entries).map(name => [name, []]));
    const names = Object.keys(entries);
    for (let i = 0; i < runs; i++) {
        for (const name of i % 2 ? [...names].reverse() : names) {
            const out = execFileSync(process.execPath, [__filename, '--child', entries[name]], { env, encoding: 'utf8' });
            samples[name].push(JSON.parse(out));
        }
    }
    console.log(`activation (code loading + activate() call), ${runs} fresh processes each, Node ${process.version}`);
    console.log('| entry point | median load (ms) | median activate() call (ms) | median total (ms) | all totals (ms) |');
    console.log('|---|---|---|---|---|');
    for (const name of names) {
        const totals = samples[name].map(s => s.load + s.activate);
        console.log(`| ${name} | ${median(samples[name].map(s => s.load)).toFixed(1)} `
            + `| ${median(samples[name].map(s => s.activate)).toFixed(1)} | ${median(totals).toFixed(1)} `
            + `| ${totals.map(t => t.toFixed(0)).join(' ')} |`);
    }
}

if (process.argv[2] === '--child') {
    child(process.argv[3]);
} else {
    main(Number(process.argv[2] || 15));
}
