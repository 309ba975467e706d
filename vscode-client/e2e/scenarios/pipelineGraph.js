// The pipeline graph: debug the example pipeline (its train step stops at a breakpoint), open "Show pipeline graph"
// on its run, see a box per step with its state and the arrow of prep's table into train, see train turn completed
// after Continue, and click prep's box to open its log.
const { shot, palette, pick, poll, openFile } = require('../workbench');
const { fromContextMenu, pictureFrame, storedRuns, breakpointOn, oneEditorGroup, runToTheEnd } = require('./pictureHelpers');

/** The webview frame of the graph of `pipelineId`, found anew each time: a hidden webview's frame goes. */
function graphFrame(page, pipelineId, timeout = 10000) {
    return pictureFrame(page, `svg.graph[aria-label="pipeline ${pipelineId}"]`, timeout);
}

async function stepState(page, pipelineId, step) {
    const frame = await graphFrame(page, pipelineId).catch(() => undefined);
    return frame?.locator(`g.step[data-step="${step}"]`).getAttribute('data-state', { timeout: 10000 }).catch(() => undefined);
}

module.exports = {
    name: 'the pipeline graph',
    async run(page, { workspace }) {
        await oneEditorGroup(page);
        await openFile(page, 'pipeline/src/train/train.py');
        await breakpointOn(page, 37);
        await openFile(page, 'pipeline/pipeline.yml');
        const before = new Set(storedRuns(workspace).map(r => r.id));
        await palette(page, 'Azure ML: Run experiment locally');
        await pick(page, 'Debug');
        await page.waitForSelector('.debug-top-stack-frame-line', { timeout: 300000 });
        const pipeline = storedRuns(workspace).find(r => r.kind === 'pipeline' && !before.has(r.id));
        if (!pipeline) {
            throw new Error('No new pipeline run in the store while its train step is stopped in the debugger');
        }
        await fromContextMenu(page, [['Local workspace', 1], ['Experiments', 2], ['digits-pipeline', 3], [pipeline.id, 4]],
            'Show pipeline graph');
        await graphFrame(page, pipeline.id, 60000);
        const state = step => stepState(page, pipeline.id, step);
        const running = await poll(async () => ['completed', 'reused'].includes(await state('prep'))
            && await state('train') === 'running', 60000, 500);
        if (!running) {
            throw new Error(`The graph shows prep ${await state('prep')} and train ${await state('train')};`
                + ' expected prep completed (or reused) and train running');
        }
        const frame = await graphFrame(page, pipeline.id);
        if (await frame.locator('path.edge').count() !== 1 || !await frame.locator('text.edge-label', { hasText: 'table → table' }).count()) {
            throw new Error('The graph lacks the one arrow of prep\'s table into train');
        }
        await shot(page, '37-pipeline-graph-running');
        await runToTheEnd(page);
        if (!await poll(async () => await state('train') === 'completed', 120000, 500)) {
            throw new Error(`train shows ${await state('train')} in the graph after the pipeline ran on`);
        }
        await (await graphFrame(page, pipeline.id)).locator('g.step[data-step="prep"] rect.box').click();
        await page.waitForFunction(() => [...document.querySelectorAll('.tabs-container .tab.active')]
            .some(tab => tab.textContent.includes('70_driver_log.txt')), null, { timeout: 30000 });
        await shot(page, '38-pipeline-graph-step-log');
    },
};
