// What the picture scenarios share: a run's row by its context menu, the webview frame that shows a picture, and
// the runs of the workspace's store.
const fs = require('fs');
const path = require('path');
const { palette, poll, treeRow, foldExperiments } = require('../workbench');

/**
 * Opens the local tree down to `labels` ([label, level] pairs) and chooses `item` from the last row's context menu.
 * The Azure ML root is folded first (its rows share the levels), and a level that does not show within 20 s (a
 * refresh of the tree can fold what was just opened: seen in CI after the Azure scenario) starts the way down again,
 * as does a context menu that does not offer `item` within 10 s.
 */
async function fromContextMenu(page, labels, item) {
    // The activity bar's icon toggles: it opens the view only when another one shows.
    if (!await treeRow(page, 'Local workspace', 1).isVisible()) {
        await page.click('.activitybar [aria-label^="Azure ML"]');
    }
    const azure = treeRow(page, 'Azure ML', 1);
    if (await azure.getAttribute('aria-expanded', { timeout: 5000 }).catch(() => null) === 'true') {
        await azure.click();
    }
    const [label, level] = labels[labels.length - 1];
    const entry = page.locator('.context-view .action-label', { hasText: item }).first();
    for (let attempt = 1; ; attempt++) {
        if (await openedDownTo(page, labels)) {
            await treeRow(page, label, level).click({ button: 'right', timeout: 20000 }).catch(() => {});
            if (await entry.waitFor({ state: 'visible', timeout: 10000 }).then(() => true, () => false)) {
                break;
            }
            await page.keyboard.press('Escape');
        }
        if (attempt === 3) {
            throw new Error(`The tree does not offer ${item} on ${labels.map(([name]) => name).join(' > ')}`);
        }
    }
    await entry.hover();
    await entry.click({ timeout: 30000 });
    // A click that lands while the menu is still settling leaves it open: choose the item from the keyboard then.
    if (!await entry.waitFor({ state: 'hidden', timeout: 2000 }).then(() => true, () => false)) {
        await page.keyboard.press('ArrowDown');
        await page.keyboard.press('Enter');
    }
}

/** Whether every row of `labels` showed, each but the last unfolded; false at the first that did not within 20 s. */
async function openedDownTo(page, labels) {
    for (const [index, [label, level]] of labels.entries()) {
        const row = treeRow(page, label, level);
        if (!await row.waitFor({ timeout: 20000 }).then(() => true, () => false)) {
            return false;
        }
        if (index < labels.length - 1 && await row.getAttribute('aria-expanded').catch(() => null) !== 'true') {
            await row.click().catch(() => {});
        }
        if (level === 2) {
            await foldExperiments(page);
        }
    }
    return true;
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
