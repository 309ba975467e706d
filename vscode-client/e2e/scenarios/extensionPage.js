// The installed extension's page in the Extensions view, as the manifest makes it: its name, 128x128 icon, categories
// and README (which says it is not Microsoft's). The README's screenshots are relative links (the project names no
// repository), which VS Code does not resolve for an extension installed from a .vsix (microsoft/vscode#43173): they
// show on a marketplace page once the .vsix is packed from a GitHub or GitLab clone, whose links vsce makes absolute.
const { palette, poll, shot } = require('../workbench');

const DISPLAY_NAME = 'aml-debug: Azure ML debugging in Docker';

/** The frame (the page's README is a webview) whose text matches, if any. */
async function frameShowing(page, pattern) {
    for (const frame of page.frames()) {
        if (pattern.test(await frame.evaluate(() => document.body?.innerText ?? '').catch(() => ''))) {
            return frame;
        }
    }
    return undefined;
}

async function run(page) {
    await palette(page, 'Extensions: Show Enabled Extensions');
    await page.locator('.extensions-viewlet .monaco-list-row', { hasText: DISPLAY_NAME }).first().click({ timeout: 60000 });
    const editor = page.locator('.extension-editor');
    await editor.locator('.header .name', { hasText: DISPLAY_NAME }).waitFor({ timeout: 30000 });
    const icon = editor.locator('.header .icon-container img.icon').first();
    if (!await poll(() => icon.evaluate(image => image.complete && image.naturalWidth === 128).catch(() => false), 30000)) {
        throw new Error('The extension page shows no 128x128 icon');
    }
    // The categories are in the page's side column, which a narrow editor hides: present is enough.
    for (const category of ['Debuggers', 'Machine Learning', 'Azure']) {
        await editor.locator('.category', { hasText: category }).first().waitFor({ state: 'attached', timeout: 30000 });
    }
    if (!await poll(() => frameShowing(page, /not affiliated with, nor endorsed by, Microsoft/), 60000, 500)) {
        throw new Error('The extension page does not show the README');
    }
    await shot(page, '23-extension-page');
}

module.exports = { name: 'the extension page: name, icon, categories and README', run };
