// The ranks timeline of the distributed run that run-e2e.js debugged (every rank stopped at a breakpoint, then
// continued): a lane per rank, waiting for its debugger, paused, and exit 0.
const { execFileSync } = require('child_process');
const { jar, shot } = require('../workbench');
const { fromContextMenu, pictureFrame } = require('./pictureHelpers');

module.exports = {
    name: 'the ranks timeline',
    async run(page, { workspace }) {
        const listed = execFileSync('java', ['-jar', jar, 'runs', 'list', '--experiment', 'ranks', '--folder', workspace],
            { encoding: 'utf8' });
        const runId = (/^(ranks_\S+)\s+ranks\s+Completed/m.exec(listed) || [])[1];
        if (!runId) {
            throw new Error(`No completed distributed run to draw:\n${listed}`);
        }
        await fromContextMenu(page, [['Local workspace', 1], ['Experiments', 2], ['ranks', 3], [runId, 4], ['Ranks', 5]],
            'Show ranks timeline');
        const frame = await pictureFrame(page, `svg.timeline[aria-label="ranks of ${runId}"]`);
        const lanes = frame.locator('g.lane');
        if (await lanes.count() !== 4) {
            throw new Error(`The timeline has ${await lanes.count()} lanes; the run had 4 ranks`);
        }
        for (let rank = 0; rank < 4; rank++) {
            const lane = frame.locator(`g.lane[data-rank="${rank}"]`);
            for (const what of ['text.exit[data-exit-code="0"]', 'rect[data-state="waiting"]', 'rect[data-state="paused"]']) {
                if (!await lane.locator(what).count()) {
                    throw new Error(`rank ${rank}'s lane lacks ${what}`);
                }
            }
        }
        await page.mouse.move(1100, 750);
        await shot(page, '39-ranks-timeline');
    },
};
