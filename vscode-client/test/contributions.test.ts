import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { Commands } from '../src/commands';

interface Contributed { command: string; title: string; category?: string }
interface MenuItem { command: string; when: string; group?: string }
const manifest = JSON.parse(fs.readFileSync(path.join(__dirname, '..', '..', 'package.json'), 'utf8')) as
    { contributes: { commands: (Contributed & { enablement?: string })[]; menus: Record<string, MenuItem[]>;
        viewsWelcome: { view: string; when: string }[] };
      capabilities: { untrustedWorkspaces: { supported: boolean | string } } };
const menus = manifest.contributes.menus;

/** Whether a tree menu item shows on a node with this contextValue (the `viewItem` part of its when clause). */
function showsOn(item: MenuItem, contextValue: string): boolean {
    const regex = /viewItem =~ \/(.+)\/$/.exec(item.when);
    const equals = /viewItem == (\S+)/.exec(item.when);
    return regex ? new RegExp(regex[1]).test(contextValue) : equals?.[1] === contextValue;
}

function treeMenu(command: string): MenuItem[] {
    return menus['view/item/context'].filter(item => item.command === command);
}

describe('package.json contributions', () => {
    it('let an attach configuration pick its run: the snippet asks through ${command:pickRun}', () => {
        const debuggers = (manifest as unknown as { contributes: { debuggers: { variables: Record<string, string>;
            configurationSnippets: { body: Record<string, unknown> }[] }[] } }).contributes.debuggers;
        assert.strictEqual(debuggers[0].variables.pickRun, Commands.pickRun);
        const attach = debuggers[0].configurationSnippets.find(s => s.body.request === 'attach' && 'runId' in s.body);
        assert.strictEqual(attach?.body.runId, '^"\\${command:pickRun}"');
    });

    it('run, debug, deploy, replay and submit nothing in a folder that is not trusted', () => {
        assert.strictEqual(manifest.capabilities.untrustedWorkspaces.supported, 'limited');
        for (const id of [Commands.submitExperiment, Commands.runExperimentLocally, Commands.startDebugger,
            Commands.debugPipelineStep, Commands.debugDeployment, Commands.replayAzureJob, Commands.attachAzureJob,
            Commands.runLocally, Commands.debugLocally]) {
            const contributed = manifest.contributes.commands.find(c => c.command === id);
            assert.strictEqual(contributed?.enablement, 'isWorkspaceTrusted', id);
        }
        assert.ok(manifest.contributes.viewsWelcome.some(w => w.view === 'azureml.tree' && w.when.includes('!isWorkspaceTrusted')));
        assert.ok(manifest.contributes.viewsWelcome.some(w => w.view === 'azureml.tree' && w.when === 'workspaceFolderCount == 0'));
    });

    it('offer Run locally, Debug locally and Submit on YAML files in the Explorer, on job files in the editor, trusted only', () => {
        const entries = (menu: string) => menus[menu].filter(item => [Commands.runLocally, Commands.debugLocally,
            Commands.submitExperiment].includes(item.command as never));
        assert.deepStrictEqual(entries('explorer/context').map(item => item.command), [Commands.runLocally, Commands.debugLocally,
            Commands.submitExperiment]);
        assert.deepStrictEqual(entries('editor/context').map(item => item.command), [Commands.runLocally, Commands.debugLocally,
            Commands.submitExperiment]);
        assert.deepStrictEqual(entries('editor/title/run').map(item => item.command), [Commands.runLocally, Commands.debugLocally]);
        for (const item of ['explorer/context', 'editor/context', 'editor/title/run'].flatMap(entries)) {
            assert.ok(item.when.endsWith('&& isWorkspaceTrusted'), `${item.command}: ${item.when}`);
        }
        const debugInEditor = entries('editor/context').find(item => item.command === Commands.debugLocally)!;
        for (const kind of ['job', 'pipeline', 'deployment', 'score']) {
            assert.ok(new RegExp(/=~ \/(.+)\/ /.exec(debugInEditor.when)![1]).test(kind), kind);
        }
        assert.ok(entries('explorer/context').find(item => item.command === Commands.debugLocally)!.when.includes('resourceFilename == score.py'));
    });

    it('welcome a signed-out user with a Sign in button, and a window with no folder with Open Folder and the walkthrough', () => {
        const welcome = manifest.contributes.viewsWelcome as { view: string; when: string; contents: string }[];
        const signedOut = welcome.find(w => w.view === 'azureml.signIn');
        assert.strictEqual(signedOut?.when, 'azureml.azureSignedOut');
        assert.ok(signedOut.contents.includes(`(command:${Commands.azureSignIn})`));
        const noFolder = welcome.find(w => w.when === 'workspaceFolderCount == 0')?.contents ?? '';
        assert.ok(noFolder.includes('(command:vscode.openFolder)'));
        const id = `${(manifest as unknown as { publisher: string }).publisher}.${(manifest as unknown as { name: string }).name}`;
        assert.ok(noFolder.includes(encodeURIComponent(`"${id}#azureml.gettingStarted"`)), noFolder);
    });

    it('walk through Docker, the example, debugging, sign-in and a cloud step, each button one of our commands', () => {
        const walkthroughs = (manifest as unknown as { contributes: { walkthroughs: { id: string; steps: { id: string;
            description: string; completionEvents: string[]; media: { markdown: string } }[] }[] } }).contributes.walkthroughs;
        const steps = walkthroughs[0].steps;
        assert.deepStrictEqual(steps.map(s => s.id), ['docker', 'run', 'debug', 'signIn', 'cloudStep']);
        const ours = new Set<string>(Object.values(Commands));
        for (const step of steps) {
            const buttons = [...step.description.matchAll(/\(command:([^)?]+)\)/g)].map(m => m[1]);
            assert.ok(buttons.length > 0 && buttons.every(b => ours.has(b)), `${step.id}: ${buttons.join(', ')}`);
            assert.ok(step.completionEvents.length > 0, step.id);
            assert.ok(fs.existsSync(path.join(__dirname, '..', '..', step.media.markdown)), step.media.markdown);
        }
        assert.deepStrictEqual(steps[0].completionEvents, ['onContext:azureml.dockerReady']);
    });

    it('contribute every command of the extension, titled, in the Azure ML category', () => {
        for (const id of Object.values(Commands)) {
            const contributed = manifest.contributes.commands.find(c => c.command === id);
            assert.ok(contributed?.title, `${id} is not contributed with a title`);
            assert.strictEqual(contributed.category, 'Azure ML', id);
        }
    });

    it('offer "Cancel job" on Azure ML jobs that have not ended only', () => {
        const [cancel] = treeMenu(Commands.cancelJob);
        for (const status of ['notstarted', 'starting', 'provisioning', 'preparing', 'queued', 'running', 'finalizing']) {
            assert.ok(showsOn(cancel, `azureml.azureJob.${status}`), status);
        }
        for (const status of ['completed', 'failed', 'canceled', 'cancelrequested']) {
            assert.ok(!showsOn(cancel, `azureml.azureJob.${status}`), status);
        }
        assert.ok(!showsOn(cancel, 'azureml.run.running'), 'local runs have Cancel run');
    });

    it('offer "Open in Studio" on every Azure ML job, inline too, and follow a log from its node', () => {
        const studio = treeMenu(Commands.openInStudio);
        assert.ok(studio.every(item => showsOn(item, 'azureml.azureJob.completed') && !showsOn(item, 'azureml.azureJobs')));
        assert.ok(studio.some(item => item.group === 'inline'));
        assert.ok(treeMenu(Commands.followAzureLog).some(item => showsOn(item, 'azureml.azureLog')));
        assert.ok(treeMenu(Commands.azureSignIn).some(item => showsOn(item, 'azureml.azureSignIn')));
    });

    it('offer "Debug this step" on every pipeline step, and Cancel run on a pipeline that runs', () => {
        const [debugStep] = treeMenu(Commands.debugPipelineStep);
        for (const status of ['completed', 'failed', 'canceled', 'running']) {
            assert.ok(showsOn(debugStep, `azureml.pipelineStep.${status}`), status);
        }
        assert.ok(!showsOn(debugStep, 'azureml.pipelineRun.completed'));
        assert.ok(treeMenu(Commands.cancelRun).some(item => showsOn(item, 'azureml.pipelineRun.running')));
    });

    it('offer "Attach debugger" and "Add launch configuration" on running Azure ML jobs, "Replay locally" on failed ones', () => {
        const attach = treeMenu(Commands.attachAzureJob);
        const configuration = treeMenu(Commands.addAzureJobLaunchConfiguration);
        const replay = treeMenu(Commands.replayAzureJob);
        for (const items of [attach, configuration]) {
            assert.ok(items.length > 0 && items.every(item => showsOn(item, 'azureml.azureJob.running')));
            for (const other of ['azureml.azureJob.completed', 'azureml.azureJob.failed', 'azureml.azureJob.queued', 'azureml.run.running']) {
                assert.ok(items.every(item => !showsOn(item, other)), other);
            }
        }
        assert.ok(attach.some(item => item.group === 'inline'), 'Attach debugger is inline too');
        assert.ok(replay.length > 0 && replay.every(item => showsOn(item, 'azureml.azureJob.failed')));
        for (const other of ['azureml.azureJob.completed', 'azureml.azureJob.running', 'azureml.run.failed']) {
            assert.ok(replay.every(item => !showsOn(item, other)), other);
        }
    });

    it('keep the commands that need a tree node, and the launch variable, out of the palette', () => {
        const hidden = menus.commandPalette.filter(item => item.when === 'false').map(item => item.command);
        assert.deepStrictEqual(hidden.sort(), [Commands.cancelJob, Commands.debugPipelineStep, Commands.followAzureLog,
            Commands.openInStudio, Commands.attachAzureJob, Commands.addAzureJobLaunchConfiguration,
            Commands.replayAzureJob, Commands.pickRun, Commands.showMetrics, Commands.showPipelineGraph,
            Commands.showRanksTimeline].sort());
    });

    it('offer each picture on the nodes it draws: metrics on runs and steps, the graph on pipelines, the timeline on ranks', () => {
        const [metrics] = treeMenu(Commands.showMetrics);
        const [graph] = treeMenu(Commands.showPipelineGraph);
        const [timeline] = treeMenu(Commands.showRanksTimeline);
        assert.ok(showsOn(metrics, 'azureml.run.running') && showsOn(metrics, 'azureml.pipelineStep.completed'));
        assert.ok(!showsOn(metrics, 'azureml.pipelineRun.running') && !showsOn(metrics, 'azureml.runs'));
        assert.ok(showsOn(graph, 'azureml.pipelineRun.failed') && !showsOn(graph, 'azureml.run.failed'));
        assert.ok(showsOn(timeline, 'azureml.ranks') && showsOn(timeline, 'azureml.rank.failed'));
        assert.ok(!showsOn(timeline, 'azureml.run.completed') && !showsOn(timeline, 'azureml.rankings'));
    });
});
