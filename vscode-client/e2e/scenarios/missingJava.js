// Without any Java (JAVA_HOME unset, none on the PATH nor in the install folders) the universal .vsix, which ships no
// runtime, cannot start its server: it says so once, in one notification that offers "Get a JDK" and "Open setting",
// and "Open setting" opens azureml.java.home. A code-server of its own, in a second page of the same browser.
const fs = require('fs');
const path = require('path');
const { findFiles, poll, shot } = require('../workbench');
const { findVsix, startCodeServer } = require('../codeServer');

const NEEDS_JAVA = 'Azure ML needs Java 17 or newer';

async function run(page, { root }) {
    const own = path.join(root, 'missing-java');
    const folder = path.join(own, 'project');
    fs.mkdirSync(path.join(folder, '.vscode'), { recursive: true });
    // A .runconfig in the folder activates the extension at start-up.
    fs.writeFileSync(path.join(folder, 'train.runconfig'), 'script: train.py\n');
    fs.writeFileSync(path.join(folder, '.vscode', 'settings.json'), JSON.stringify({ 'workbench.startupEditor': 'none',
        'security.workspace.trust.enabled': false, 'workbench.tips.enabled': false }));
    let log = '';
    const { server, port } = await startCodeServer({ root: own, folder, vsix: findVsix(/^aml-debug-\d[^-]*\.vsix$/),
        onOutput: d => { log += d; } });
    const second = await page.context().browser().newPage({ viewport: { width: 1400, height: 900 } });
    try {
        await second.goto(`http://127.0.0.1:${port}/?folder=${encodeURIComponent(folder)}`, { timeout: 120000 });
        const toast = second.locator('.notification-toast', { hasText: NEEDS_JAVA });
        await toast.waitFor({ timeout: 90000 });
        // The extension host records the failed activation after the notification: from then on nothing more comes.
        const activationFailed = () => findFiles(path.join(own, 'user-data', 'logs'), name => name.endsWith('exthost.log'))
            .some(file => /Activating extension .?aml-debug\.aml-debug.? failed/i.test(fs.readFileSync(file, 'utf8')));
        if (!await poll(activationFailed, 60000)) {
            throw new Error('The extension host did not record the failed activation');
        }
        const toasts = await second.locator('.notification-toast').allInnerTexts();
        const aboutJava = toasts.filter(text => /java/i.test(text));
        if (aboutJava.length !== 1) {
            throw new Error(`Expected one notification about Java, got ${aboutJava.length}: ${JSON.stringify(toasts)}`);
        }
        for (const button of ['Get a JDK', 'Open setting']) {
            await toast.locator('.monaco-button', { hasText: button }).waitFor({ timeout: 10000 });
        }
        await shot(second, '21-missing-java');
        await toast.locator('.monaco-button', { hasText: 'Open setting' }).click();
        await second.locator('.settings-editor', { hasText: 'Folder of the Java 17+ runtime' }).waitFor({ timeout: 30000 });
        await shot(second, '22-missing-java-setting');
    } catch (e) {
        await shot(second, 'failure-missing-java').catch(() => {});
        throw new Error(`${e.message}\n--- its code-server ---\n${log}`);
    } finally {
        await second.close();
        server.kill();
    }
}

module.exports = { name: 'no Java and no shipped runtime: one notification', run };
