// CodeLens where the code is: "Run locally | Debug locally | Submit" above digits/job.yml's first line. "Debug locally"
// launches the job under the debugger: the editor stops at the breakpoint in train.py:44 with epoch = 1, and the
// session ends after Continue at each epoch. The Explorer's context menu of the job offers the same three actions, and
// the deployment's score.py has "Debug locally" above init() and run().
const { shot, openFile, continueUntilTheSessionEnds, palette } = require('../workbench');

/** The lens titles shown in the active editor. */
function lensTitles(page) {
    return page.locator('.editor-group-container.active .contentWidgets .codelens-decoration a').allTextContents();
}

async function waitForLenses(page, wanted, file) {
    const shown = await page.waitForFunction(titles => {
        const links = [...document.querySelectorAll('.editor-group-container.active .codelens-decoration a')].map(a => a.textContent);
        return titles.every(title => links.includes(title));
    }, wanted, { timeout: 60000 }).then(() => true, () => false);
    if (!shown) {
        throw new Error(`${file} shows the lenses [${(await lensTitles(page)).join(', ')}], not ${wanted.join(', ')}`);
    }
}

async function setTheTrainingLoopBreakpoint(page) {
    await palette(page, 'Remove All Breakpoints');
    await openFile(page, 'digits/train.py');
    await page.click('.editor-group-container.active .monaco-editor .view-lines');
    await page.keyboard.press('Control+G');
    await page.keyboard.type('44');
    await page.keyboard.press('Enter');
    await page.keyboard.press('F9');
    await page.waitForSelector('.editor-group-container.active .codicon-debug-breakpoint', { timeout: 30000 });
}

async function explorerMenuOffersTheActions(page) {
    await page.keyboard.press('Control+Shift+E');
    const explorer = page.locator('.explorer-folders-view');
    const digits = explorer.locator('.monaco-list-row', { hasText: 'digits' }).first();
    if (await digits.getAttribute('aria-expanded') !== 'true') {
        await digits.click();
    }
    await explorer.locator('.monaco-list-row', { hasText: 'job.yml' }).first().click({ button: 'right' });
    for (const title of ['Run locally', 'Debug locally', 'Submit experiment']) {
        await page.locator('.context-view .action-label', { hasText: title }).first().waitFor({ timeout: 30000 });
    }
    await shot(page, '28-explorer-context-menu');
    await page.keyboard.press('Escape');
}

module.exports = {
    name: 'CodeLens debug of a job YAML stopping at a breakpoint',
    async run(page) {
        await setTheTrainingLoopBreakpoint(page);
        await openFile(page, 'digits/job.yml');
        await waitForLenses(page, ['Run locally', 'Debug locally', 'Submit'], 'digits/job.yml');
        await shot(page, '26-job-yaml-lenses');
        await page.locator('.editor-group-container.active .codelens-decoration a', { hasText: 'Debug locally' }).first().click();
        await page.waitForSelector('.debug-top-stack-frame-line', { timeout: 300000 });
        const stopped = await page.waitForFunction(() => /epoch\s*=\s*1\b/.test(document.body.innerText)
            && [...document.querySelectorAll('.tabs-container .tab.active')].some(tab => tab.textContent.includes('train.py'))
            && /train\.py\s*44:/.test(document.querySelector('.debug-call-stack')?.innerText ?? ''), null, { timeout: 60000 })
            .then(() => true, () => false);
        await shot(page, '27-codelens-debug-stopped');
        if (!stopped) {
            throw new Error('"Debug locally" on digits/job.yml did not stop at train.py:44 with epoch = 1');
        }
        await continueUntilTheSessionEnds(page);
        await page.waitForSelector('.debug-toolbar', { state: 'hidden', timeout: 60000 });

        await explorerMenuOffersTheActions(page);
        await openFile(page, 'deployment/score.py');
        await waitForLenses(page, ['Debug locally'], 'deployment/score.py');
        const count = (await lensTitles(page)).filter(title => title === 'Debug locally').length;
        await shot(page, '29-score-py-lenses');
        if (count !== 2) {
            throw new Error(`deployment/score.py shows "Debug locally" ${count} times, not above init() and run()`);
        }
    },
};
