// Evaluate on All Ranks: a distributed job (2 nodes x 2 processes) whose ranks all stop at a breakpoint; the command
// from the palette evaluates `loss` on every rank, and the table beside the code marks rank 2, whose loss differs.
// The Variables view shows the rank's array by its shape and dtype (the shim's pydevd extension), not its repr.
// Then each rank continues and the run completes.
const { execFileSync } = require('child_process');
const fs = require('fs');
const path = require('path');
const { jar, palette, poll, shot, openFile } = require('../workbench');
const { writeRanksJob, everyRankPaused, continueEachRank } = require('../ranks');
const { breakpointOn, oneEditorGroup, pictureFrame } = require('./pictureHelpers');

const SCRIPT = ['import os', 'import numpy', '', 'rank = int(os.environ["RANK"])',
    'weights = numpy.ones((64, 32), dtype=numpy.float32)', 'loss = 0.25 + (0.5 if rank == 2 else 0.0)',
    'print(f"rank {rank}: loss {loss}", flush=True)', ''];
const BREAKPOINT = 7;
const RANKS = ['rank 0 (node 0)', 'rank 1 (node 0)', 'rank 2 (node 1)', 'rank 3 (node 1)'];

module.exports = {
    name: 'evaluate on all ranks',
    async run(page, { workspace }) {
        const launch = path.join(workspace, '.vscode', 'launch.json');
        const before = fs.existsSync(launch) ? fs.readFileSync(launch, 'utf8') : undefined;
        // Each rank stops at the breakpoint itself: none is paused elsewhere by another's stop.
        writeRanksJob(workspace, 'allranks', 'train.py', SCRIPT, 'Azure ML: every rank, one expression',
            { stopAllRanks: false });
        try {
            await oneEditorGroup(page);
            await openFile(page, 'allranks/train.py');
            await breakpointOn(page, BREAKPOINT);
            await page.keyboard.press('F5');
            const deadline = Date.now() + 300000;
            await everyRankPaused(page, RANKS, deadline);
            await page.waitForFunction(() => /weights\W*ndarray\[64, 32\] float32/
                .test(document.querySelector('.debug-variables')?.innerText ?? ''), null, { timeout: 30000 })
                .catch(async () => {
                    const shown = await page.evaluate(() => document.querySelector('.debug-variables')?.innerText);
                    throw new Error(`The Variables view does not show the array by its shape: ${shown}`);
                });

            await palette(page, 'Azure ML: Evaluate on All Ranks');
            await page.locator('.quick-input-widget', { hasText: 'Expression to evaluate on every paused rank' })
                .waitFor({ timeout: 30000 });
            await page.keyboard.press('Control+A');
            await page.keyboard.type('loss');
            await page.keyboard.press('Enter');
            const frame = await pictureFrame(page, 'table.values tr.differs');
            const rows = await frame.$$eval('table.values tbody tr', trs => trs.map(tr => ({ kind: tr.className,
                cells: [...tr.querySelectorAll('td')].map(td => td.textContent) })));
            const differing = rows.filter(row => row.kind === 'differs');
            if (rows.length !== 4 || differing.length !== 1 || differing[0].cells[0] !== '2'
                || differing[0].cells[2] !== '0.75' || rows.filter(row => row.cells[2] === '0.25').length !== 3) {
                throw new Error(`The table does not mark rank 2 alone: ${JSON.stringify(rows)}`);
            }
            const summary = await frame.locator('p.summary').textContent();
            if (summary !== '3 of 4 ranks agree; rank 2 differs') {
                throw new Error(`The summary says "${summary}"`);
            }
            await shot(page, '42-evaluate-on-all-ranks');

            await continueEachRank(page, RANKS, deadline);
            await page.waitForSelector('.debug-toolbar', { state: 'hidden', timeout: 120000 });
            const completed = await poll(() => /^allranks_\S+\s+allranks\s+Completed/m.test(execFileSync('java',
                ['-jar', jar, 'runs', 'list', '--experiment', 'allranks', '--folder', workspace], { encoding: 'utf8' })), 120000, 1000);
            if (!completed) {
                throw new Error('The run whose ranks were evaluated did not complete');
            }
        } finally {
            if (before === undefined) {
                fs.rmSync(launch, { force: true });
            } else {
                fs.writeFileSync(launch, before);
            }
        }
    },
};
