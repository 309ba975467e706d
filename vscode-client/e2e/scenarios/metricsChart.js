// The metrics chart of the digits example grows while it runs: run it under the debugger (the breakpoint in the
// training loop holds each epoch), open "Show metrics" on its run, and see the chart's points go up with each
// Continue (train.py rewrites outputs/metrics.json after every epoch), then the run complete with every epoch drawn.
const { shot, palette, pick, poll, openFile } = require('../workbench');
const { fromContextMenu, pictureFrame, storedRuns, breakpointOn, oneEditorGroup, runToTheEnd } = require('./pictureHelpers');

/** The number of points the chart of `runId` draws now (the webview's frame found anew: a hidden one goes). */
async function points(page, runId) {
    const selector = `p.status:has-text("${runId}")`;
    const frame = await pictureFrame(page, selector, 10000).catch(() => undefined);
    return Number(await frame?.locator(selector).getAttribute('data-total-points', { timeout: 10000 }).catch(() => '-1') ?? -1);
}

async function continueAndSeeItGrow(page, runId, before) {
    await page.click('.debug-toolbar .codicon-debug-continue');
    const grown = await poll(async () => await points(page, runId) > before, 60000, 250);
    if (!grown) {
        throw new Error(`The metrics chart of ${runId} still draws ${await points(page, runId)} points after an epoch; it drew ${before}`);
    }
    return points(page, runId);
}

module.exports = {
    name: 'metrics chart grows during a run',
    async run(page, { workspace }) {
        await oneEditorGroup(page);
        await openFile(page, 'digits/train.py');
        await breakpointOn(page, 44);
        await palette(page, 'Azure ML: Run experiment locally');
        await pick(page, 'Debug');
        await page.waitForSelector('.debug-top-stack-frame-line', { timeout: 300000 });
        const run = storedRuns(workspace).find(r => r.experiment === 'digits' && r.status === 'Running');
        if (!run) {
            throw new Error('No running digits run in the store while the debugger is stopped in it');
        }
        await fromContextMenu(page, [['Local workspace', 1], ['Experiments', 2], ['digits', 3], [run.id, 4]], 'Show metrics');
        await pictureFrame(page, `p.status:has-text("${run.id}")`);
        const first = await points(page, run.id);
        const second = await continueAndSeeItGrow(page, run.id, first);
        await continueAndSeeItGrow(page, run.id, second);
        await pictureFrame(page, 'svg.chart[data-metric="test_accuracy"]', 10000);
        await shot(page, '35-metrics-growing');
        await runToTheEnd(page);
        const done = await poll(async () => await pictureFrame(page, `p.status[data-status="Completed"]:has-text("${run.id}")`, 1000)
            .then(() => true, () => false) && await points(page, run.id) === 10, 120000, 500);
        if (!done) {
            throw new Error(`The chart of ${run.id} did not end Completed with 5 epochs x 2 metrics: ${await points(page, run.id)} points`);
        }
        await shot(page, '36-metrics-completed');
    },
};
