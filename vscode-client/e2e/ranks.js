// What the scenarios of a distributed run share: the Call Stack's sessions (one per rank, children of the hub's
// parent session), waiting for them all to pause, and continuing each one in turn.
const { poll } = require('./workbench');

/** The Call Stack's session rows: name and state ("Paused on breakpoint", "Running"), as the view shows them. */
function callStackSessions(page) {
    return page.$$eval('.debug-call-stack .monaco-list-row', rows => rows.map(row => ({
        name: row.querySelector('.session > .name')?.textContent ?? '',
        state: row.querySelector('.session > .state.label')?.textContent ?? '' })).filter(session => session.name));
}

/** Waits until every session of `names` is paused on a breakpoint; throws with what the Call Stack shows if not. */
async function everyRankPaused(page, names, deadline) {
    let sessions = [];
    const paused = () => names.every(name => sessions.some(s => s.name === name && /paused on breakpoint/i.test(s.state)));
    await poll(async () => {
        sessions = await callStackSessions(page);
        return paused();
    }, deadline - Date.now());
    if (!paused()) {
        throw new Error(`Not every rank stopped at the breakpoint; the Call Stack shows ${JSON.stringify(sessions)}`);
    }
}

/**
 * Continues each paused session of `names`: selects it in the Call Stack (it has the focus once the Variables view
 * shows its `rank`), then Continue in the debug toolbar. `afterEach(count)` runs after each. Stops early once no
 * debug session is left (the run ended, whatever its status).
 */
async function continueEachRank(page, names, deadline, afterEach = async () => {}) {
    const continued = new Set();
    while (continued.size < names.length && Date.now() < deadline) {
        const paused = await poll(async () => (await callStackSessions(page)).find(s => names.includes(s.name)
            && !continued.has(s.name) && /paused/i.test(s.state)) || !await page.locator('.debug-toolbar').isVisible(),
        deadline - Date.now());
        if (!paused?.name) {
            break;
        }
        await page.locator('.debug-call-stack .session > .name', { hasText: paused.name }).first().click();
        await page.waitForFunction(rank => new RegExp(`\\brank\\s*=\\s*${rank}\\b`)
            .test(document.querySelector('.debug-variables')?.innerText ?? ''), /rank (\d+)/.exec(paused.name)[1], { timeout: 30000 });
        await page.click('.debug-toolbar .codicon-debug-continue');
        continued.add(paused.name);
        await poll(async () => !(await callStackSessions(page)).some(s => s.name === paused.name && /paused/i.test(s.state)), 30000);
        await afterEach(continued.size);
    }
}

module.exports = { callStackSessions, everyRankPaused, continueEachRank };
