// What every end-to-end scenario drives the workbench with: screenshots, the palette and quick input, quick open, the
// tree, the debug toolbar and polling. Scenarios in scenarios/ take these and the context run-e2e.js gives them.
const fs = require('fs');
const net = require('net');
const path = require('path');

const repo = path.resolve(__dirname, '..', '..');
const shots = path.join(repo, 'target', 'e2e');
const jar = path.join(repo, 'server', 'target', 'aml-debug.jar');
/** The last screenshot taken, named when a scenario fails. */
const state = { lastShot: '(none yet)' };

function freePort() {
    return new Promise(resolve => {
        const server = net.createServer();
        server.listen(0, '127.0.0.1', () => {
            const { port } = server.address();
            server.close(() => resolve(port));
        });
    });
}

async function shot(page, name) {
    state.lastShot = path.join(shots, `${name}.png`);
    await page.screenshot({ path: state.lastShot });
    console.log(`screenshot: ${state.lastShot}`);
}

/**
 * Waits until what Enter would take is there: the quick input's focused row shows every one of `parts`, or the
 * quick input is an input box (no list), whose typed value Enter takes. False if not within `timeout`.
 */
function quickInputShows(page, parts, timeout = 30000) {
    return page.waitForFunction(wanted => {
        const widget = [...document.querySelectorAll('.quick-input-widget')].find(w => w.checkVisibility());
        if (!widget) {
            return false;
        }
        const list = widget.querySelector('.quick-input-list');
        if (!list || !list.checkVisibility()) {
            return true;
        }
        const row = list.querySelector('.monaco-list-row.focused')?.textContent.toLowerCase() ?? '';
        return wanted.every(part => row.includes(part.toLowerCase()));
    }, parts, { timeout }).then(() => true, () => false);
}

async function palette(page, command) {
    await page.keyboard.press('F1');
    await page.waitForSelector('.quick-input-widget:not([style*="display: none"]) input');
    await page.keyboard.type(command);
    await enterOn(page, command);
}

async function pick(page, label) {
    const input = page.locator('.quick-input-widget:not([style*="display: none"]) input');
    await input.waitFor();
    await input.fill(label);
    await enterOn(page, label);
}

/** Enter once the quick input's focused row is `label` (or the input box holds it). */
async function enterOn(page, label) {
    if (!await quickInputShows(page, [label])) {
        throw new Error(`The quick input does not offer "${label}"`);
    }
    await page.keyboard.press('Enter');
}

/** Calls check until it gives a truthy value, which it returns, or `timeout` ms pass (then its last value): expect.poll's way. */
async function poll(check, timeout, interval = 250) {
    const deadline = Date.now() + timeout;
    for (;;) {
        const value = await check();
        if (value || Date.now() >= deadline) {
            return value;
        }
        await new Promise(resolve => setTimeout(resolve, Math.min(interval, deadline - Date.now())));
    }
}

/**
 * Whether the session stopped again (Continue shows) rather than ended (the toolbar stays hidden). While the debuggee
 * runs, the toolbar shows Pause instead of Continue; between states it may be hidden for a moment: an end counts only
 * when the toolbar stays hidden for 3 s.
 */
async function stoppedAgain(page, deadline) {
    while (Date.now() < deadline) {
        const state = await page.waitForFunction(() => {
            const toolbar = [...document.querySelectorAll('.debug-toolbar')].find(t => t.checkVisibility());
            if (!toolbar) {
                return 'hidden';
            }
            return toolbar.querySelector('.codicon-debug-continue')?.checkVisibility() ? 'stopped' : false;
        }, null, { timeout: Math.max(1, deadline - Date.now()) }).then(handle => handle.jsonValue(), () => 'deadline');
        if (state !== 'hidden') {
            return state === 'stopped';
        }
        if (!await page.locator('.debug-toolbar >> visible=true').first().waitFor({ timeout: 3000 }).then(() => true, () => false)) {
            return false;
        }
    }
    return false;
}

/**
 * Continue at each stop until the debug session ends. After each click it waits for the next state: the toolbar gone
 * (the session ended), or stopped again after running: the toolbar rebuilt its buttons (Pause in between), or, when the
 * stop came within the toolbar's 20 ms update, the Variables view shows other values (the loop's next epoch).
 */
async function continueUntilTheSessionEnds(page, deadline = Date.now() + 300000) {
    // The workbench may keep a hidden toolbar of an earlier session beside the live one: only a visible one counts.
    const button = page.locator('.debug-toolbar .codicon-debug-continue >> visible=true').first();
    while (await stoppedAgain(page, deadline)) {
        const variables = await button.evaluate(icon => {
            icon.e2eClicked = true;
            return document.querySelector('.debug-variables')?.textContent ?? '';
        }).catch(() => '');
        await button.click().catch(() => {});
        await page.waitForFunction(before => {
            const toolbar = [...document.querySelectorAll('.debug-toolbar')].find(t => t.checkVisibility());
            if (!toolbar) {
                return true;
            }
            const icon = toolbar.querySelector('.codicon-debug-continue');
            if (!icon?.checkVisibility()) {
                return false;
            }
            const now = document.querySelector('.debug-variables')?.textContent ?? '';
            return !icon.e2eClicked || (now !== '' && now !== before);
        }, variables, { timeout: Math.max(1, deadline - Date.now()) }).catch(() => {});
    }
}

/**
 * Clicks through tree labels; a level that does not show within 20 s (a refresh from a run that just ended
 * can land on the expand) gets the view's Refresh and one more try.
 */
async function expandLocal(page, labels) {
    const sidebar = page.locator('.sidebar');
    for (const label of labels) {
        const item = sidebar.getByText(label, { exact: true }).first();
        if (!await item.waitFor({ timeout: 20000 }).then(() => true, () => false)) {
            await page.click('.sidebar .codicon-refresh').catch(() => {});
            // The refresh lands on the rows as it gets the tree's children again: expand each level until the next shows.
            for (const earlier of labels.slice(0, labels.indexOf(label))) {
                const row = page.locator('.sidebar .monaco-list-row').filter({ has: sidebar.getByText(earlier, { exact: true }) }).first();
                const next = sidebar.getByText(labels[labels.indexOf(earlier) + 1], { exact: true }).first();
                await poll(async () => {
                    if (await next.isVisible()) {
                        return true;
                    }
                    if (await row.getAttribute('aria-expanded', { timeout: 1000 }).catch(() => null) === 'false') {
                        await row.click().catch(() => {});
                    }
                    return false;
                }, 20000, 500);
            }
        }
        await item.click({ timeout: 30000 });
    }
}

/** Quick open, again if a page (a walkthrough, a notification) took the keys the first time. */
async function openFile(page, name) {
    for (let attempt = 1; ; attempt++) {
        await page.keyboard.press('Escape');
        await page.keyboard.press('Control+P');
        await page.keyboard.type(name);
        await quickInputShows(page, [path.basename(name), path.dirname(name)], 10000);
        await page.keyboard.press('Enter');
        const opened = await page.waitForFunction(base => [...document.querySelectorAll('.tabs-container .tab.active')]
            .some(tab => tab.textContent.includes(base)), path.basename(name), { timeout: 10000 }).then(() => true, () => false);
        if (opened) {
            await page.waitForSelector('.monaco-editor .view-lines', { timeout: 30000 });
            return;
        }
        if (attempt === 3) {
            throw new Error(`Quick open did not open ${name}`);
        }
    }
}

function findFiles(dir, wanted) {
    if (!fs.existsSync(dir)) {
        return [];
    }
    return fs.readdirSync(dir, { withFileTypes: true }).flatMap(entry => entry.isDirectory()
        ? findFiles(path.join(dir, entry.name), wanted) : wanted(entry.name) ? [path.join(dir, entry.name)] : []);
}

/** The row of a tree node by its label and depth (1: the roots), so that "Experiments" of Azure is not the local one. */
function treeRow(page, label, level) {
    return page.locator(`.sidebar .monaco-list-row[aria-level="${level}"]`)
        .filter({ has: page.getByText(label, { exact: true }) }).first();
}

async function expand(page, label, level) {
    const row = treeRow(page, label, level);
    await row.waitFor({ timeout: 60000 });
    if (await row.getAttribute('aria-expanded') !== 'true') {
        await row.click();
    }
}

/** Folds the experiments (tree level 3) that are open, so that the rows of the one opened next are in view. */
async function foldExperiments(page) {
    const unfolded = '.sidebar .monaco-list-row[aria-level="3"][aria-expanded="true"]';
    const opened = page.locator(unfolded);
    // Each click folds one (the tree may render the rows anew, so it is their number that tells); one that a refresh of
    // the tree moved off its row is made again on the row then first.
    for (let count = await opened.count(); count > 0; count = await opened.count()) {
        await opened.first().click();
        await page.waitForFunction(([selector, before]) => document.querySelectorAll(selector).length !== before, [unfolded, count],
            { timeout: 5000 }).catch(() => {});
    }
}

function panelShows(page, text, timeout) {
    return page.waitForFunction(t => [...document.querySelectorAll('.panel .view-lines')].some(lines => lines.textContent.includes(t)),
        text, { timeout }).then(() => true, () => false);
}

module.exports = { repo, shots, jar, state, freePort, shot, quickInputShows, palette, pick, enterOn, poll, continueUntilTheSessionEnds, expandLocal, openFile, findFiles, treeRow, expand, panelShows, foldExperiments };
