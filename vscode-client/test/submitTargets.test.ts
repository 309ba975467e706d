import * as assert from 'assert';
import { LOCAL_TARGET, NOT_DEBUGGED, azureSubmitArguments, debugStepChoices, targetChoices } from '../src/submitTargets';

const workspaceId = '/subscriptions/s/resourceGroups/g/providers/Microsoft.MachineLearningServices/workspaces/w';

describe('submitTargets: where "Submit experiment" runs a job', () => {
    it('offers Local (Docker) alone while the computes load', () => {
        assert.deepStrictEqual(targetChoices({ loading: true }), [LOCAL_TARGET]);
        assert.deepStrictEqual(LOCAL_TARGET.target, { kind: 'local' });
        assert.strictEqual(LOCAL_TARGET.label, 'Local (Docker)');
    });

    it('lists the workspace computes after Local (Docker), under the workspace name', () => {
        const choices = targetChoices({ targets: { workspace: 'w', targets: [
            { compute: 'cpu-cluster', workspaceId, description: 'AmlCompute · Succeeded' },
            { compute: 'gpu-instance', workspaceId, description: 'ComputeInstance · Running' }] } });
        assert.deepStrictEqual(choices.map(c => c.label), ['Local (Docker)', 'Azure ML workspace w', 'cpu-cluster', 'gpu-instance']);
        assert.strictEqual(choices[1].separator, true);
        assert.deepStrictEqual(choices[2].target, { kind: 'azure', compute: 'cpu-cluster', workspaceId });
        assert.strictEqual(choices[3].description, 'ComputeInstance · Running');
    });

    it('marks the workspace "(default)" when it is azureML.defaultWorkspaceId, the folder naming none', () => {
        const choices = targetChoices({ targets: { workspace: 'w', isDefault: true, targets: [
            { compute: 'cpu-cluster', workspaceId, description: 'AmlCompute' }] } });
        assert.strictEqual(choices[1].label, 'Azure ML workspace w (default)');
    });

    it('says how to name a workspace when the folder has none', () => {
        const choices = targetChoices({ targets: { targets: [] } });
        assert.strictEqual(choices.length, 3);
        assert.strictEqual(choices[2].target, undefined, 'nothing to submit to');
        assert.match(choices[2].detail!, /aml-debug azure use <workspace id>/);
    });

    it('says the workspace has no computes', () => {
        const choices = targetChoices({ targets: { workspace: 'w', targets: [] } });
        assert.strictEqual(choices[2].label, 'No computes in this workspace');
        assert.strictEqual(choices[2].target, undefined);
    });

    it('shows the server sentence when the computes cannot be listed, and keeps Local (Docker)', () => {
        const problem = 'Your Azure sign-in has expired: run `az login` or `aml-debug azure login`, then try again.';
        const choices = targetChoices({ problem });
        assert.deepStrictEqual(choices[0], LOCAL_TARGET);
        assert.strictEqual(choices[2].detail, problem);
        assert.strictEqual(choices[2].target, undefined);
    });

    it('offers a pipeline\'s steps for debugging, and nothing for a command job', () => {
        assert.deepStrictEqual(debugStepChoices({ pipeline: true, steps: ['prep', 'train'] }), ['prep', 'train']);
        assert.deepStrictEqual(debugStepChoices({ pipeline: false, steps: [] }), []);
    });

    it('passes debugSteps only when steps were picked', () => {
        const target = { compute: 'cpu-cluster', workspaceId };
        assert.deepStrictEqual(azureSubmitArguments('pipeline.yml', target, { ...NOT_DEBUGGED, steps: ['train'] }),
            { config: 'pipeline.yml', compute: 'cpu-cluster', workspaceId, debugSteps: ['train'] });
        assert.deepStrictEqual(azureSubmitArguments('job.yml', target, NOT_DEBUGGED),
            { config: 'job.yml', compute: 'cpu-cluster', workspaceId });
    });

    it('passes the remote debug settings with the debugged steps only', () => {
        const target = { compute: 'cpu-cluster', workspaceId };
        const settings = { waitTimeout: 900, installDebugpy: true, allowPublicAddresses: false };
        assert.deepStrictEqual(azureSubmitArguments('pipeline.yml', target, { ...NOT_DEBUGGED, steps: ['train'] }, settings),
            { config: 'pipeline.yml', compute: 'cpu-cluster', workspaceId, debugSteps: ['train'], waitTimeout: 900,
                installDebugpy: true });
        assert.deepStrictEqual(azureSubmitArguments('pipeline.yml', target, NOT_DEBUGGED, settings),
            { config: 'pipeline.yml', compute: 'cpu-cluster', workspaceId });
        assert.deepStrictEqual(azureSubmitArguments('job.yml', target, { ...NOT_DEBUGGED, job: true }, { waitTimeout: 60 }),
            { config: 'job.yml', compute: 'cpu-cluster', workspaceId, debug: true, waitTimeout: 60 });
        assert.deepStrictEqual(azureSubmitArguments('pipeline.yml', target, { ...NOT_DEBUGGED, postMortem: true }),
            { config: 'pipeline.yml', compute: 'cpu-cluster', workspaceId, postMortem: true });
    });
});
