// End-to-end in a real VS Code (code-server 4.100.3) in headless Chromium, driven by playwright-core:
// install the .vsix, open a copy of examples/, set a breakpoint in the training loop through the editor,
// run "Azure ML: Run experiment locally" with debugging from the palette, see the editor stop there with
// the variables shown, continue, and see the run complete in the tree and its log in the output channel.
// Then one function per scenario: F5 on an azureml launch configuration, a run started and cancelled with the CLI,
// a remote attach configuration added to launch.json, a deployment debugged and scored, a pipeline step debugged
// from the tree, and every rank of a distributed job (2 nodes x 2 processes, pytorch) debugged at once: F5 starts
// the debug hub's parent session, whose startDebugging gives a child session per rank, so the Call Stack shows
// `rank 0 (node 0)` ... `rank 3 (node 1)`, each stopped at a breakpoint; Continue on each, and the run completes.
// Against the fake Azure ML service (azure-fake.jar, started first; E2E_SKIP_AZURE=1 leaves it out): sign in
// with the stand-in `az`, expand a workspace down to a running job's log, and see the log grow.
// Screenshots of each step go to target/e2e/. Run: node vscode-client/e2e/run-e2e.js (after scripts/e2e-setup.sh).
const { spawn, execFileSync } = require('child_process');
const fs = require('fs');
const https = require('https');
const os = require('os');
const path = require('path');

const { repo, shots, jar, state, shot, quickInputShows, palette, pick, enterOn, poll, continueUntilTheSessionEnds, expandLocal, openFile, findFiles, treeRow, expand, panelShows, foldExperiments } = require('./workbench');

const { writeRanksJob, everyRankPaused, continueEachRank } = require('./ranks');
const scenarios = require('./scenarios');
const { findVsix, startCodeServer } = require('./codeServer');

const tools = process.env.E2E_TOOLS || path.join(os.homedir(), '.cache', 'aml-debug-e2e');
const { chromium } = require(path.join(tools, 'node_modules', 'playwright-core'));
let serverLog = '';
let fakeLog = '';

function prepareWorkspace(root) {
    const workspace = path.join(root, 'examples');
    fs.cpSync(path.join(repo, 'examples'), workspace, { recursive: true });
    fs.rmSync(path.join(workspace, 'digits', 'outputs'), { recursive: true, force: true });
    fs.mkdirSync(path.join(workspace, '.vscode'), { recursive: true });
    fs.writeFileSync(path.join(workspace, '.vscode', 'settings.json'), JSON.stringify({
        'azureml.debug.autoAttach': true,
        'workbench.startupEditor': 'none',
        'security.workspace.trust.enabled': false,
        'extensions.ignoreRecommendations': true,
        'workbench.tips.enabled': false,
    }, null, 2));
    return workspace;
}

let passed = 0;

/** F5 on an azureml launch configuration runs the job under the debugger; the breakpoint (still on line 44) hits. */
async function f5OnALaunchConfiguration(page, workspace) {
    fs.writeFileSync(path.join(workspace, '.vscode', 'launch.json'), JSON.stringify({ version: '0.2.0', configurations: [
        { type: 'azureml', request: 'launch', name: 'Azure ML: debug digits job', job: '${workspaceFolder}/digits/job.yml',
            args: ['--epochs', '2'] }] }, null, 2));
    await openFile(page, 'digits/train.py');
    await page.keyboard.press('F5');
    await page.waitForSelector('.debug-top-stack-frame-line', { timeout: 300000 });
    await page.waitForFunction(() => /epoch\s*=\s*1\b/.test(document.body.innerText), null, { timeout: 60000 });
    await shot(page, '05-f5-launch-stopped');
    await continueUntilTheSessionEnds(page);
    await page.waitForSelector('.debug-toolbar', { state: 'hidden', timeout: 60000 });
}

/** A run started and cancelled with the CLI shows up, then shows as canceled, in the tree without a manual refresh. */
async function cancelFromTheCommandLine(page, workspace) {
    fs.writeFileSync(path.join(workspace, 'digits', 'wait.py'), 'import time\nprint("waiting", flush=True)\ntime.sleep(300)\n');
    const started = execFileSync('java', ['-jar', jar, 'run', path.join(workspace, 'digits', 'wait.py'), '--folder', workspace,
        '--experiment', 'cli', '--detach'], { encoding: 'utf8' });
    const runId = /run: (\S+)/.exec(started)[1];
    await page.click('.activitybar [aria-label^="Azure ML"]');
    const sidebar = page.locator('.sidebar');
    await sidebar.getByText('cli', { exact: true }).first().click({ timeout: 60000 });
    await sidebar.getByText(runId).first().waitFor({ timeout: 60000 });
    await shot(page, '06-cli-run-in-tree');
    execFileSync('java', ['-jar', jar, 'runs', 'cancel', runId, '--folder', workspace], { stdio: 'inherit' });
    await page.waitForSelector('.sidebar .codicon-circle-slash', { timeout: 60000 });
    await shot(page, '07-cli-cancel-in-tree');
}

/** "Azure ML: Add remote attach configuration" keeps the comments of an existing launch.json and leaves it valid. */
async function addRemoteAttachConfiguration(page, workspace) {
    const jsonc = require(path.join(repo, 'vscode-client', 'node_modules', 'jsonc-parser'));
    const file = path.join(workspace, '.vscode', 'launch.json');
    fs.writeFileSync(file, '{\n  // My own configurations stay as they are.\n  "version": "0.2.0",\n  "configurations": [\n'
        + '    { "name": "Mine", "type": "python", "request": "launch", "program": "${file}" }, // trailing comment\n  ],\n}\n');
    await palette(page, 'Azure ML: Add remote attach configuration');
    await pick(page, '10.0.0.4');
    await pick(page, '5678');
    await poll(() => fs.readFileSync(file, 'utf8').includes('10.0.0.4'), 30000, 100);
    const text = fs.readFileSync(file, 'utf8');
    const errors = [];
    const parsed = jsonc.parse(text, errors, { allowTrailingComma: true });
    if (errors.length || !text.includes('// My own configurations stay as they are.') || !text.includes('// trailing comment')
        || parsed.configurations.length !== 2 || parsed.configurations[1].connect?.host !== '10.0.0.4') {
        throw new Error(`launch.json after the edit is not what it should be (${errors.length} parse errors):\n${text}`);
    }
    await openFile(page, '.vscode/launch.json');
    await page.locator('.editor-group-container.active .monaco-editor .view-lines', { hasText: '10.0.0.4' }).waitFor({ timeout: 30000 });
    await shot(page, '08-remote-attach-configuration');
}

/**
 * "Debug deployment locally" on the example deployment (with the model the first step trained), then
 * "Send scoring request" with the sample open in the editor: the request stops in run(), and after
 * continue the response (the predictions) opens beside it.
 */
async function debugAndScoreTheExampleDeployment(page, workspace) {
    const models = findFiles(path.join(workspace, '.azureml', 'runs'), name => name === 'model.pkl');
    fs.copyFileSync(models[0], path.join(workspace, 'deployment', 'model', 'model.pkl'));
    await openFile(page, 'deployment/score.py');
    await page.click('.monaco-editor .view-lines');
    await page.keyboard.press('Control+G');
    await page.keyboard.type('24');
    await page.keyboard.press('Enter');
    await page.keyboard.press('F9');
    await palette(page, 'Azure ML: Debug deployment locally');
    await pick(page, 'deployment/deployment.yml');
    await pick(page, 'Stop in run()');
    const runId = await poll(() => (/^(\S+)\s+Running\s+Healthy/m
        .exec(execFileSync('java', ['-jar', jar, 'deploy', 'list', '--folder', workspace], { encoding: 'utf8' })) || [])[1], 180000, 1000);
    if (!runId) {
        throw new Error('the deployment did not become Healthy');
    }
    await openFile(page, 'deployment/sample-request.json');
    await palette(page, 'Azure ML: Send scoring request');
    await pick(page, runId);
    await page.waitForSelector('.debug-top-stack-frame-line', { timeout: 120000 });
    await page.waitForFunction(() => /raw_data/.test(document.body.innerText), null, { timeout: 60000 });
    await shot(page, '09-deployment-stopped-in-run');
    await page.click('.debug-toolbar .codicon-debug-continue');
    await page.waitForFunction(() => /predictions/.test(document.body.innerText), null, { timeout: 60000 });
    await shot(page, '10-deployment-response');
    execFileSync('java', ['-jar', jar, 'deploy', 'down', runId, '--folder', workspace], { stdio: 'inherit' });
}

/**
 * The example pipeline ran once (from the command line); "Debug this step" on its train step in the tree
 * reruns it with train under the debugger and prep reused: the editor stops at the breakpoint in train.py,
 * and after continue the pipeline completes.
 */
async function debugAPipelineStepFromTheTree(page, workspace) {
    const first = execFileSync('java', ['-jar', jar, 'run', path.join(workspace, 'pipeline', 'pipeline.yml'), '--folder', workspace],
        { encoding: 'utf8' });
    const pipelineId = /run: (\S+)/.exec(first)[1];
    await openFile(page, 'pipeline/src/train/train.py');
    // Earlier scenarios left editors open beside it: the breakpoint goes into the active one.
    await page.click('.editor-group-container.active .monaco-editor .view-lines');
    await page.keyboard.press('Control+G');
    await page.keyboard.type('37');
    await page.keyboard.press('Enter');
    await page.keyboard.press('F9');
    await page.waitForSelector('.editor-group-container.active .codicon-debug-breakpoint', { timeout: 30000 });
    await page.click('.activitybar [aria-label^="Azure ML"]');
    const sidebar = page.locator('.sidebar');
    await sidebar.getByText('digits-pipeline', { exact: true }).first().click({ timeout: 60000 });
    await sidebar.getByText(pipelineId, { exact: true }).first().click({ timeout: 60000 });
    await sidebar.getByText('Steps', { exact: true }).first().click({ timeout: 60000 });
    await sidebar.getByText('train', { exact: true }).first().click({ button: 'right', timeout: 60000 });
    const item = page.locator('.context-view .action-label', { hasText: 'Debug this step' }).first();
    await item.waitFor({ state: 'visible', timeout: 30000 });
    await item.hover();
    await item.click({ timeout: 30000 });
    // A click that lands while the menu is still settling leaves it open: choose the item from the keyboard then.
    if (!await item.waitFor({ state: 'hidden', timeout: 2000 }).then(() => true, () => false)) {
        await page.keyboard.press('ArrowDown');
        await page.keyboard.press('Enter');
    }
    await page.waitForSelector('.debug-top-stack-frame-line', { timeout: 300000 });
    await page.waitForFunction(() => /epoch\s*=\s*1\b/.test(document.body.innerText), null, { timeout: 60000 });
    await shot(page, '13-pipeline-step-stopped');
    const deadline = Date.now() + 300000;
    await continueUntilTheSessionEnds(page, deadline);
    let listed = '';
    await poll(() => {
        listed = execFileSync('java', ['-jar', jar, 'runs', 'list', '--experiment', 'digits-pipeline', '--folder', workspace],
            { encoding: 'utf8' });
        const newest = listed.split('\n').find(line => line.startsWith('digits-pipeline_') && !line.includes(pipelineId));
        return newest && /Completed/.test(newest);
    }, deadline - Date.now(), 1000);
    if (!/reused/.test(execFileSync('java', ['-jar', jar, 'runs', 'list', '--folder', workspace], { encoding: 'utf8' }))
        && !listed.split('\n').some(line => !line.includes(pipelineId) && /Completed/.test(line))) {
        throw new Error(`the rerun of the pipeline did not complete:\n${listed}`);
    }
    await shot(page, '14-pipeline-step-completed');
}

/**
 * The ranks' script: each rank sends rank + 1 to rank 0 over the run's network, rank 0 sends the sum back (a socket
 * all_reduce, as in DistributedRunIT), and every rank reaches RANKS_BREAKPOINT with total = 10.
 */
const RANKS_SCRIPT = [
    'import os, socket, time',
    '',
    'rank, world = int(os.environ["RANK"]), int(os.environ["WORLD_SIZE"])',
    'master = (os.environ["MASTER_ADDR"], int(os.environ["MASTER_PORT"]))',
    'if rank == 0:',
    '    server = socket.create_server(("", master[1]))',
    '    peers = [server.accept()[0] for _ in range(world - 1)]',
    '    total = 1 + sum(int(peer.recv(16)) for peer in peers)',
    '    for peer in peers:',
    '        peer.sendall(str(total).encode())',
    'else:',
    '    # Rank 0 listens once its debugger is attached: wait for it.',
    '    for attempt in range(1200):',
    '        try:',
    '            connection = socket.create_connection(master)',
    '            break',
    '        except OSError:',
    '            time.sleep(0.25)',
    '    connection.sendall(str(rank + 1).encode())',
    '    total = int(connection.recv(16))',
    'expected = world * (world + 1) // 2',
    'print(f"rank {rank}: all_reduce sum = {total} (expected {expected})", flush=True)',
    'assert total == expected, f"all_reduce gave {total}, expected {expected}"',
    '',
];
const RANKS_BREAKPOINT = RANKS_SCRIPT.findIndex(line => line.startsWith('print(')) + 1;
const RANK_SESSIONS = ['rank 0 (node 0)', 'rank 1 (node 0)', 'rank 2 (node 1)', 'rank 3 (node 1)'];

/** Drags the side bar's edge so that it is `width` pixels wide: the Call Stack's session names then show whole. */
async function widenSidebar(page, width) {
    const box = await page.locator('.part.sidebar').boundingBox();
    if (!box || box.width >= width) {
        return;
    }
    const y = box.y + box.height / 2;
    await page.mouse.move(box.x + box.width + 1, y);
    await page.mouse.down();
    await page.mouse.move(box.x + width, y, { steps: 5 });
    await page.mouse.up();
    await page.waitForFunction(before => document.querySelector('.part.sidebar').getBoundingClientRect().width > before, box.width);
}

/**
 * Every rank of a distributed job (2 nodes x 2 processes, pytorch) debugged from VS Code: F5 on an azureml launch
 * configuration of the job starts the hub's parent session, whose startDebugging gives a child session per rank
 * (VS Code starts each, and the extension gets it an adapter): the Call Stack shows rank 0 (node 0) ... rank 3
 * (node 1), each stopped at the breakpoint after the all_reduce. Continue on each, and the run completes, every rank's
 * all_reduce checked in its log.
 */
async function debugEveryRankOfADistributedJob(page, workspace) {
    writeRanksJob(workspace, 'ranks', 'allreduce.py', RANKS_SCRIPT, 'Azure ML: debug every rank');
    await openFile(page, 'ranks/allreduce.py');
    await page.click('.editor-group-container.active .monaco-editor .view-lines');
    await page.keyboard.press('Control+G');
    await page.keyboard.type(String(RANKS_BREAKPOINT));
    await page.keyboard.press('Enter');
    await page.keyboard.press('F9');
    await page.waitForSelector('.editor-group-container.active .codicon-debug-breakpoint', { timeout: 30000 });
    await page.keyboard.press('F5');
    // The four child sessions appear as their ranks dial the hub, and each stops at the breakpoint.
    const deadline = Date.now() + 300000;
    await everyRankPaused(page, RANK_SESSIONS, deadline);
    await page.waitForFunction(() => /total\s*=\s*10\b/.test(document.body.innerText), null, { timeout: 60000 });
    await widenSidebar(page, 520);
    await shot(page, '15-ranks-stopped');
    // Continue on each rank (the run's status is checked below).
    await continueEachRank(page, RANK_SESSIONS, deadline, async count => {
        if (count === 2) {
            await shot(page, '16-ranks-half-continued');
        }
    });
    await page.waitForSelector('.debug-toolbar', { state: 'hidden', timeout: 120000 });
    // The run completed: in the tree (Experiments > ranks > the run, with its Ranks), and each rank's log has its check.
    const runId = await poll(() => {
        const listed = execFileSync('java', ['-jar', jar, 'runs', 'list', '--experiment', 'ranks', '--folder', workspace],
            { encoding: 'utf8' });
        const completed = (/^(ranks_\S+)\s+ranks\s+Completed/m.exec(listed) || [])[1];
        if (!completed && /Failed|Canceled/.test(listed)) {
            throw new Error(`the distributed run did not complete:\n${listed}`);
        }
        return completed;
    }, 120000, 1000);
    if (!runId) {
        throw new Error('the distributed run did not show as Completed within 2 minutes of its debug sessions ending');
    }
    const logs = execFileSync('java', ['-jar', jar, 'runs', 'logs', runId, '--all', '--folder', workspace], { encoding: 'utf8' });
    for (let rank = 0; rank < RANK_SESSIONS.length; rank++) {
        if (!logs.includes(`rank ${rank}: all_reduce sum = 10 (expected 10)`)) {
            throw new Error(`rank ${rank}'s log lacks its all_reduce:\n${logs}`);
        }
    }
    await page.click('.activitybar [aria-label^="Azure ML"]');
    await expand(page, 'Local workspace', 1);
    await expand(page, 'Experiments', 2);
    // The experiments earlier scenarios opened fold, so that this run's rows are in view.
    await foldExperiments(page);
    for (const [label, level] of [['ranks', 3], [runId, 4], ['Ranks', 5]]) {
        await expand(page, label, level);
    }
    await treeRow(page, runId, 4).locator('.codicon-pass').waitFor({ timeout: 60000 });
    await treeRow(page, 'rank 3', 6).waitFor({ timeout: 60000 });
    await shot(page, '17-ranks-completed');
}

const azureFakeJar = path.join(repo, 'azure-fake', 'target', 'azure-fake.jar');
const TERMINAL = new Set(['Completed', 'Failed', 'Canceled']);

/** Starts the fake Azure ML service; its first line: {armEndpoint, caBundle, token, azPath, subscriptionId, resourceGroup, workspace}. */
async function startAzureFake(root) {
    if (!fs.existsSync(azureFakeJar)) {
        throw new Error(`${azureFakeJar} is missing: build it first (bash scripts/build.sh), or set E2E_SKIP_AZURE=1.`);
    }
    const state = path.join(root, 'azure-fake');
    fs.mkdirSync(state);
    const fake = spawn('java', ['-jar', azureFakeJar, '--port', '0', '--state', state, '--jobs', '3'],
        { stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    fake.stdout.on('data', d => { out += d; fakeLog += d; });
    fake.stderr.on('data', d => { fakeLog += d; });
    const info = await new Promise((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error('The fake Azure ML service printed no JSON line within 60 s:\n' + fakeLog)), 60000);
        const check = () => {
            const line = out.split('\n').slice(0, -1).find(l => l.trim().startsWith('{'));
            if (line) {
                clearTimeout(timer);
                resolve(JSON.parse(line));
            } else {
                setTimeout(check, 200);
            }
        };
        fake.on('exit', code => reject(new Error(`The fake Azure ML service exited with ${code}:\n${fakeLog}`)));
        check();
    }).catch(e => {
        fake.kill();
        throw e;
    });
    return { fake, info };
}

/** What code-server (and so the language server) needs to reach the fake: its ARM endpoint, its CA, the stand-in az. */
function azureEnvironment(info) {
    const azFolder = fs.statSync(info.azPath).isDirectory() ? info.azPath : path.dirname(info.azPath);
    return { PATH: `${azFolder}${path.delimiter}${process.env.PATH}`, AML_DEBUG_ARM_ENDPOINT: info.armEndpoint,
        AML_DEBUG_CA_BUNDLE: info.caBundle, AML_DEBUG_STORAGE_ENDPOINT: info.storageEndpoint };
}

/** One HTTPS call to the fake, trusting its CA: ARM with the token, or a control endpoint (no token). */
function callFake(info, method, pathAndQuery, body, token) {
    const url = new URL(info.armEndpoint.replace(/\/$/, '') + pathAndQuery);
    const headers = body === undefined ? {} : { 'Content-Type': 'text/plain' };
    if (token) {
        headers.Authorization = `Bearer ${info.token}`;
    }
    return new Promise((resolve, reject) => {
        const request = https.request(url, { method, headers, ca: fs.readFileSync(info.caBundle) }, response => {
            let text = '';
            response.on('data', d => { text += d; });
            response.on('end', () => response.statusCode < 300 ? resolve(text)
                : reject(new Error(`${method} ${url.pathname}: ${response.statusCode} ${text}`)));
        });
        request.on('error', reject);
        request.end(body);
    });
}

/** The tree labels to expand, read from the fake through ARM as the server reads them: a job that is still running. */
async function azureTreeLabels(info) {
    const subscriptions = JSON.parse(await callFake(info, 'GET', '/subscriptions?api-version=2022-12-01', undefined, true));
    const subscription = subscriptions.value.find(s => s.subscriptionId === info.subscriptionId) || subscriptions.value[0];
    const workspace = `/subscriptions/${info.subscriptionId}/resourceGroups/${info.resourceGroup}`
        + `/providers/Microsoft.MachineLearningServices/workspaces/${info.workspace}`;
    const jobs = JSON.parse(await callFake(info, 'GET', `${workspace}/jobs?api-version=2024-10-01`, undefined, true)).value;
    const job = jobs.find(j => j.properties.jobType === 'Command' && !TERMINAL.has(j.properties.status));
    if (!job) {
        throw new Error(`The fake has no running command job to follow: ${JSON.stringify(jobs.map(j => [j.name, j.properties.status]))}`);
    }
    return { subscription: subscription.displayName, workspace: info.workspace, experiment: job.properties.experimentName,
        jobName: job.name, job: job.properties.displayName || job.name };
}

/**
 * The Azure ML view against the fake: "Azure ML" signs in through the stand-in az (or its "Sign in to Azure" node), then
 * subscription > workspace > Experiments > experiment > job > Logs > user_logs/std_log.txt opens in an output channel
 * that shows the log, and a line appended to the job's log through the fake's control endpoint appears there.
 */
async function followAnAzureJobLog(page, info) {
    const names = await azureTreeLabels(info);
    const file = 'user_logs/std_log.txt';
    const append = text => callFake(info, 'POST', `/_fake/jobs/${encodeURIComponent(names.jobName)}/log?file=${file}`, text);
    const first = `aml-debug-e2e-before-open-${Date.now()}`;
    await append(`${first}\n`);
    if (!(await treeRow(page, 'Azure ML', 1).isVisible())) {
        await page.click('.activitybar [aria-label^="Azure ML"]');
    }
    const local = treeRow(page, 'Local workspace', 1);
    if (await local.getAttribute('aria-expanded') === 'true') {
        await local.click();
    }
    await expand(page, 'Azure ML', 1);
    const signIn = treeRow(page, 'Sign in to Azure', 2);
    await treeRow(page, names.subscription, 2).or(signIn).first().waitFor({ timeout: 60000 });
    if (await signIn.isVisible()) {
        await signIn.click();
    }
    for (const [label, level] of [[names.subscription, 2], [names.workspace, 3], ['Experiments', 4], [names.experiment, 5],
        [names.job, 6], ['Logs', 7]]) {
        await expand(page, label, level);
    }
    await treeRow(page, file, 8).click({ timeout: 60000 });
    if (!await panelShows(page, first, 30000)) {
        await palette(page, 'Output: Show Output Channels');
        await pick(page, `Azure ML ${names.jobName}: ${file}`);
        if (!await panelShows(page, first, 30000)) {
            throw new Error(`The output channel of ${names.jobName} ${file} does not show ${first}`);
        }
    }
    await shot(page, '11-azure-log-open');
    const appended = `aml-debug-e2e-appended-${Date.now()}`;
    await append(`${appended}\n`);
    if (!await panelShows(page, appended, 60000)) {
        throw new Error(`The line appended to ${names.jobName} ${file} did not appear in its output channel`);
    }
    await shot(page, '12-azure-log-grew');
}

async function main() {
    fs.mkdirSync(shots, { recursive: true });
    const root = fs.mkdtempSync(path.join(os.tmpdir(), 'aml-debug-e2e-'));
    const workspace = prepareWorkspace(root);
    const azure = process.env.E2E_SKIP_AZURE === '1' ? undefined : await startAzureFake(root);
    // Every scenario runs on the Java runtime the linux-x64 .vsix ships: code-server finds no other (codeServer.js).
    const { server, port } = await startCodeServer({ root, folder: workspace, vsix: findVsix(),
        env: { ...(azure ? azureEnvironment(azure.info) : {}), AML_DEBUG_FOLDER: workspace }, onOutput: d => { serverLog += d; } }).catch(e => {
        azure?.fake.kill();
        throw e;
    });
    const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu',
        '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'] });
    const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
    try {
        // A loaded machine can take over 30 s (the default) to serve the workbench page.
        await page.goto(`http://127.0.0.1:${port}/?folder=${encodeURIComponent(workspace)}`, { timeout: 120000 });
        await page.waitForSelector('.monaco-workbench', { timeout: 90000 });
        // The workbench is up once the Explorer lists the workspace and the extension's view is in the activity bar.
        await page.locator('.explorer-folders-view .monaco-list-row', { hasText: 'digits' }).first().waitFor({ timeout: 60000 });
        await page.locator('.activitybar [aria-label^="Azure ML"]').first().waitFor({ timeout: 60000 });
        await shot(page, '01-workbench');

        // Open train.py and set a breakpoint on line 44, the training loop's body, through the editor.
        await openFile(page, 'digits/train.py');
        await page.click('.monaco-editor .view-lines');
        await page.keyboard.press('Control+G');
        await page.keyboard.type('44');
        await page.keyboard.press('Enter');
        await page.keyboard.press('F9');
        await page.waitForSelector('.codicon-debug-breakpoint', { timeout: 30000 });
        await shot(page, '02-breakpoint');

        // Azure ML: Run experiment locally, with debugging.
        await palette(page, 'Azure ML: Run experiment locally');
        await pick(page, 'Debug');
        await page.waitForSelector('.debug-top-stack-frame-line', { timeout: 300000 });
        // The Variables view shows the loop's locals ("epoch = 1" appears nowhere in the source).
        await page.waitForFunction(() => /epoch\s*=\s*1\b/.test(document.body.innerText)
            && /train_accuracy\s*=\s*0\.9/.test(document.body.innerText), null, { timeout: 60000 });
        await shot(page, '03-stopped-at-breakpoint');

        // Continue at each stop (one per epoch) until the session ends.
        await continueUntilTheSessionEnds(page);
        await page.waitForSelector('.debug-toolbar', { state: 'hidden', timeout: 60000 });

        // The run completes in the tree, and its log is in its output channel.
        await page.click('.activitybar [aria-label^="Azure ML"]');
        const sidebar = page.locator('.sidebar');
        await expandLocal(page, ['Local workspace', 'Experiments', 'digits']);
        // A completed run has the "pass" icon (its description says Completed, when the view is wide enough).
        await page.waitForSelector('.sidebar .codicon-pass', { timeout: 120000 });
        await palette(page, 'Output: Show Output Channels');
        await pick(page, 'Azure ML run');
        await page.waitForFunction(() => [...document.querySelectorAll('.panel .view-lines')]
            .some(lines => /final\s+test_accuracy/.test(lines.textContent)), null, { timeout: 60000 });
        await shot(page, '04-run-completed');
        passed++;

        await f5OnALaunchConfiguration(page, workspace);
        passed++;
        await cancelFromTheCommandLine(page, workspace);
        passed++;
        await addRemoteAttachConfiguration(page, workspace);
        passed++;
        await debugAndScoreTheExampleDeployment(page, workspace);
        passed++;
        await debugAPipelineStepFromTheTree(page, workspace);
        passed++;
        await debugEveryRankOfADistributedJob(page, workspace);
        passed++;
        if (azure) {
            await followAnAzureJobLog(page, azure.info);
            passed++;
        }
        for (const scenario of scenarios) {
            if (scenario.needsAzure && !azure) {
                continue;
            }
            console.log(`e2e scenario: ${scenario.name}`);
            await scenario.run(page, { root, workspace, azure: azure?.info });
            passed++;
        }
        console.log(`e2e: ${passed} passed, 0 failed`);
    } catch (e) {
        await shot(page, 'failure').catch(() => {});
        console.error(`e2e failed: ${e.stack || e}\nlast screenshot: ${state.lastShot}\n--- code-server log ---\n${serverLog}`);
        if (azure) {
            console.error(`--- fake Azure ML service ---\n${fakeLog}`);
        }
        for (const log of findFiles(path.join(root, 'user-data', 'logs'), name => name.includes('Azure ML server'))) {
            console.error(`--- server log ${log} ---\n${fs.readFileSync(log, 'utf8')}`);
        }
        const runs = path.join(workspace, '.azureml', 'runs');
        if (fs.existsSync(runs)) {
            for (const run of fs.readdirSync(runs)) {
                const control = path.join(runs, run, 'logs', '60_control_log.txt');
                console.error(`--- ${control} ---\n${fs.existsSync(control) ? fs.readFileSync(control, 'utf8') : ''}`);
            }
        }
        process.exitCode = 1;
    } finally {
        await browser.close();
        server.kill();
        azure?.fake.kill();
        // Whatever a failed step left running in this workspace goes too.
        const left = execFileSync('docker', ['ps', '-aq', '--filter', `label=dev.amldebug.workspace=${workspace}`],
            { encoding: 'utf8' }).split('\n').filter(Boolean);
        if (left.length) {
            execFileSync('docker', ['rm', '-f', ...left]);
        }
    }
}

main();
