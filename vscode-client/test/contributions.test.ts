import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { Commands } from '../src/commands';

interface Contributed { command: string; title: string; category?: string }
interface MenuItem { command: string; when: string; group?: string }
const manifest = JSON.parse(fs.readFileSync(path.join(__dirname, '..', '..', 'package.json'), 'utf8')) as
    { contributes: { commands: Contributed[]; menus: Record<string, MenuItem[]> } };
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

    it('keep the commands that need a tree node out of the palette', () => {
        const hidden = menus.commandPalette.filter(item => item.when === 'false').map(item => item.command);
        assert.deepStrictEqual(hidden.sort(), [Commands.cancelJob, Commands.debugPipelineStep, Commands.followAzureLog,
            Commands.openInStudio].sort());
    });
});
