// What the picture scenarios share: a run's row by its context menu, the webview frame that shows a picture, and
// the runs of the workspace's store.
const fs = require('fs');
const path = require('path');
const { palette, poll, expand, treeRow, foldExperiments } = require('../workbench');

/** Opens the tree down to `labels` ([label, level] pairs) and chooses `item` from the last row's context menu. */
async function fromContextMenu(page, labels, item) {
    // The activity bar's icon toggles: it opens the view only when another one shows.
    if (!await treeRow(page, 'Local workspace', 1).isVisible()) {
        await page.click('.activitybar [aria-label^="Azure ML"]');
    }
    for (const [label, level] of labels.slice(0, -1)) {
        await expand(page, label, level);
        if (level === 2) {
            await foldExperiments(page);
        }
    }
    const [label, level] = labels[labels.length - 1];
    await treeRow(page, label, level).click({ button: 'right', timeout: 60000 });
    const entry = page.locator('.context-view .action-label', { hasText: item }).first();
    await entry.waitFor({ state: 'visible', timeout: 30000 });
    await entry.hover();
    await entry.click({ timeout: 30000 });
    // A click that lands while the menu is still settling leaves it open: choose the item from the keyboard then.
    if (!await entry.waitFor({ state: 'hidden', timeout: 2000 }).then(() => true, () => false)) {
        await page.keyboard.press('ArrowDown');
        await page.keyboard.press('Enter');
    }
}

/** The webview frame (inside the panel's iframes) that has `selector`, within `timeout`. */
async function pictureFrame(page, selector, timeout = 60000) {
    const frame = await poll(async () => {
        for (const candidate of page.frames()) {
            if (await candidate.locator(selector).count().catch(() => 0)) {
                return candidate;
            }
        }
        return undefined;
    }, timeout, 500);
    if (!frame) {
        throw new Error(`No picture shows ${selector} within ${timeout / 1000} s`);
    }
    return frame;
}

/** The run.json of every run in the workspace's store, newest first. */
function storedRuns(workspace) {
    const dir = path.join(workspace, '.azureml', 'runs');
    return fs.readdirSync(dir).map(id => path.join(dir, id, 'run.json')).filter(file => fs.existsSync(file))
        .map(file => JSON.parse(fs.readFileSync(file, 'utf8')))
        .sort((a, b) => String(b.createdAt).localeCompare(String(a.createdAt)));
}

/** One editor group (no prompt for unsaved editors, unlike closing them): the pictures open beside it. */
async function oneEditorGroup(page) {
    await palette(page, 'View: Join All Editor Groups');
}

/** Sets a breakpoint on `line` of the active editor unless that file has one already (F9 would remove it). */
async function breakpointOn(page, line) {
    await page.click('.editor-group-container.active .monaco-editor .view-lines');
    await page.keyboard.press('Control+G');
    await page.keyboard.type(String(line));
    await page.keyboard.press('Enter');
    if (!await page.locator('.editor-group-container.active .codicon-debug-breakpoint').count()) {
        await page.keyboard.press('F9');
    }
    await page.waitForSelector('.editor-group-container.active .codicon-debug-breakpoint', { timeout: 30000 });
}

/**
 * Lets the stopped program run to its end: the breakpoints off, Continue, the session gone, the breakpoints on again
 * (they stay for whatever comes next).
 */
async function runToTheEnd(page) {
    await palette(page, 'Disable All Breakpoints');
    await page.click('.debug-toolbar .codicon-debug-continue');
    await page.waitForSelector('.debug-toolbar', { state: 'hidden', timeout: 300000 });
    await palette(page, 'Enable All Breakpoints');
}

module.exports = { fromContextMenu, pictureFrame, storedRuns, breakpointOn, oneEditorGroup, runToTheEnd };
