// "Debug: Select and Start Debugging", then "Azure ML...": the Run and Debug list offers the workspace's job, each step
// of its pipeline and its deployment, then the current file (the debug configuration provider's dynamic entries).
const { shot, palette, quickInputShows } = require('../workbench');

const WANTED = ['Azure ML: debug digits/job.yml', 'Azure ML: debug pipeline/pipeline.yml, step prep',
    'Azure ML: debug pipeline/pipeline.yml, step train', 'Azure ML: debug deployment deployment/deployment.yml',
    'Azure ML: debug the current file in Docker'];

module.exports = {
    name: 'the dynamic configuration list',
    async run(page) {
        await palette(page, 'Debug: Select and Start Debugging');
        if (!await quickInputShows(page, [], 30000)) {
            throw new Error('"Debug: Select and Start Debugging" showed no list');
        }
        const provider = page.locator('.quick-input-widget .monaco-list-row', { hasText: 'Azure ML...' }).first();
        await provider.waitFor({ timeout: 30000 });
        await provider.click();
        const listed = await page.waitForFunction(wanted => {
            const rows = [...document.querySelectorAll('.quick-input-widget .monaco-list-row')].map(row => row.textContent);
            return wanted.every(name => rows.some(row => row.includes(name))) ? rows : false;
        }, WANTED, { timeout: 60000 }).then(handle => handle.jsonValue(), () => null);
        await shot(page, '25-dynamic-configurations');
        if (!listed) {
            const rows = await page.locator('.quick-input-widget .monaco-list-row').allTextContents();
            throw new Error(`"Azure ML..." does not list ${WANTED.join(', ')}; it lists: ${rows.join(' | ')}`);
        }
        if (listed.some(row => row.includes('train.yml'))) {
            throw new Error(`a pipeline's component (pipeline/train.yml) is listed as a job of its own: ${listed.join(' | ')}`);
        }
        if (listed.filter(row => row.includes(WANTED[0])).length !== 1) {
            throw new Error(`"${WANTED[0]}" is listed more than once: ${listed.join(' | ')}`);
        }
        await page.keyboard.press('Escape');
    },
};
