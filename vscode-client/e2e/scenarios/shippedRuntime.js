// The extension runs its server on the Java runtime that the linux-x64 .vsix ships: run-e2e.js starts code-server
// with JAVA_HOME unset and the machine's JDKs hidden (no Java on the PATH nor in any install folder). The language
// server's process is that runtime's java, and the "Azure ML server" output channel says why it is used.
const fs = require('fs');
const path = require('path');
const { palette, pick, poll, shot, findFiles } = require('../workbench');

/** The language servers of this code-server (their jar lies under `extensions`): pid and the executable they run. */
function languageServers(extensions) {
    return fs.readdirSync('/proc').filter(pid => /^\d+$/.test(pid)).flatMap(pid => {
        try {
            const args = fs.readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0');
            return args.some(arg => arg.startsWith(extensions) && arg.endsWith('aml-debug.jar')) && args.includes('serve')
                ? [{ pid, executable: fs.readlinkSync(`/proc/${pid}/exe`) }] : [];
        } catch {
            return [];
        }
    });
}

async function run(page, { root }) {
    const extensions = path.join(root, 'extensions');
    const installed = fs.readdirSync(extensions).find(name => name.startsWith('aml-debug.aml-debug-'));
    const shipped = path.join(extensions, installed || 'aml-debug', 'jre', 'bin', 'java');
    if (!fs.existsSync(shipped)) {
        throw new Error(`code-server did not install the linux-x64 extension, with its runtime: no ${shipped}`);
    }
    const servers = await poll(() => languageServers(extensions).length && languageServers(extensions), 30000);
    if (!servers || servers.some(server => server.executable !== shipped)) {
        throw new Error(`The language server does not run on the shipped ${shipped}: ${JSON.stringify(servers)}`);
    }
    // The output channel's file is written a little after the channel.
    const firstLine = () => findFiles(path.join(root, 'user-data', 'logs'), name => name.includes('Azure ML server'))
        .map(file => fs.readFileSync(file, 'utf8')).find(text => text.includes('\n'))?.split('\n')[0];
    const first = await poll(firstLine, 30000) || '';
    const expected = `from the runtime shipped with the extension (${path.join(extensions, installed, 'jre')}), since no other was found:`;
    if (!/^Using Java \d/.test(first) || !first.includes(expected) || !first.includes('no java on the PATH')) {
        throw new Error(`The server log's first line does not say the shipped runtime is used: ${first || '(none)'}`);
    }
    await palette(page, 'Output: Show Output Channels');
    await pick(page, 'Azure ML server');
    // The channel's first line: the output follows its end, so go to its start.
    await page.click('.panel .monaco-editor .view-lines');
    await page.keyboard.press('Control+Home');
    // The editor shows spaces as no-break spaces, which \s matches.
    const shown = await page.waitForFunction(() => [...document.querySelectorAll('.panel .view-lines')]
        .some(lines => /Using\s+Java\s+\d\S*\s+from\s+the\s+runtime\s+shipped\s+with\s+the\s+extension/.test(lines.textContent)),
    null, { timeout: 30000 }).then(() => true, () => false);
    if (!shown) {
        throw new Error('The "Azure ML server" output channel does not show which Java it uses');
    }
    await shot(page, '20-shipped-runtime');
}

module.exports = { name: 'the server runs on the shipped Java runtime', run };
