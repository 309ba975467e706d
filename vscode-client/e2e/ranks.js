// What the scenarios of a distributed run share: the Call Stack's sessions (one per rank, children of the hub's
// parent session), waiting for them all to pause, and continuing each one in turn.
const fs = require('fs');
const path = require('path');
const { poll } = require('./workbench');

/**
 * A distributed job in `workspace/folder` (experiment `folder`, 2 nodes x 2 processes of the base image, pytorch's
 * launcher) running `script` (lines), and a launch.json that debugs it (F5), named `name`, with `more` settings.
 */
function writeRanksJob(workspace, folder, script, lines, name, more = {}) {
    const project = path.join(workspace, folder);
    fs.mkdirSync(project, { recursive: true });
    fs.writeFileSync(path.join(project, script), lines.join('\n'));
    fs.writeFileSync(path.join(project, 'job.yml'), ['type: command', `experiment_name: ${folder}`, 'code: .',
        `command: python ${script}`, 'environment:', '  image: aml-debug/python:bookworm',
        'distribution: {type: pytorch, process_count_per_instance: 2}', 'resources: {instance_count: 2}', ''].join('\n'));
    fs.writeFileSync(path.join(workspace, '.vscode', 'launch.json'), JSON.stringify({ version: '0.2.0', configurations: [
        { type: 'azureml', request: 'launch', name, job: `\${workspaceFolder}/${folder}/job.yml`, ...more }] }, null, 2));
}

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

module.exports = { writeRanksJob, callStackSessions, everyRankPaused, continueEachRank };
