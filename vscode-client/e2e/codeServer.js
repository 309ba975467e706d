// Starts code-server with an aml-debug .vsix installed and no Java the extension could find: JAVA_HOME unset, and the
// machine's JDKs (/usr/lib/jvm, where /usr/bin/java leads) hidden under an empty tmpfs in a mount namespace of its own.
const { spawn, execFileSync } = require('child_process');
const fs = require('fs');
const os = require('os');
const path = require('path');
const { repo, freePort } = require('./workbench');

const tools = process.env.E2E_TOOLS || path.join(os.homedir(), '.cache', 'aml-debug-e2e');
const entry = path.join(tools, 'node_modules', 'code-server', 'out', 'node', 'entry.js');
const HIDE_JAVA = 'mount -t tmpfs none /usr/lib/jvm';

/** The .vsix in vscode-client/ whose name matches: the linux-x64 one by default. */
function findVsix(pattern = /^aml-debug-linux-x64-.*\.vsix$/) {
    const vsix = fs.readdirSync(path.join(repo, 'vscode-client')).find(f => pattern.test(f));
    if (!vsix) {
        throw new Error(`No .vsix matching ${pattern} in vscode-client/: run bash scripts/build.sh first.`);
    }
    return path.join(repo, 'vscode-client', vsix);
}

/**
 * code-server on a free port with `vsix` installed, its user data and extensions under `root`, `folder` open, `env`
 * added to its environment; what it prints goes to `onOutput`. Resolves once it listens: { server, port }.
 */
async function startCodeServer({ root, folder, vsix, env = {}, onOutput = () => {} }) {
    const userData = path.join(root, 'user-data');
    const extensions = path.join(root, 'extensions');
    try {
        execFileSync('unshare', ['-m', 'sh', '-c', HIDE_JAVA], { stdio: 'pipe' });
    } catch (e) {
        throw new Error(`The end-to-end test hides the machine's Java in a mount namespace (unshare -m), which needs root: ${e.stderr || e.message}`);
    }
    execFileSync('node', [entry, '--user-data-dir', userData, '--extensions-dir', extensions, '--install-extension', vsix],
        { stdio: 'inherit' });
    const port = await freePort();
    const environment = { ...process.env, ...env, VSCODE_CLI: '1' };
    delete environment.JAVA_HOME;
    const server = spawn('unshare', ['-m', 'sh', '-c', `${HIDE_JAVA} && exec "$0" "$@"`, 'node', entry,
        '--auth', 'none', '--bind-addr', `127.0.0.1:${port}`, '--disable-telemetry', '--disable-update-check',
        '--disable-workspace-trust', '--user-data-dir', userData, '--extensions-dir', extensions, folder], {
        // code-server gives the extension host a login shell's environment, whose /etc/profile resets PATH
        // (dropping the stand-in az's folder); VSCODE_CLI=1 makes it keep the environment given here.
        env: environment,
    });
    let out = '';
    const collect = d => {
        out += d;
        onOutput(String(d));
    };
    server.stdout.on('data', collect);
    server.stderr.on('data', collect);
    await new Promise((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error('code-server did not start:\n' + out)), 60000);
        const check = () => out.includes('HTTP server listening') ? (clearTimeout(timer), resolve()) : setTimeout(check, 200);
        check();
    }).catch(e => {
        server.kill();
        throw e;
    });
    return { server, port };
}

module.exports = { findVsix, startCodeServer, entry };
