import * as assert from 'assert';
import { iconSpec } from '../src/icons';

describe('icons: a codicon for each kind of tree node', () => {
    it('gives every Azure node the server sends an icon', () => {
        const expected: Record<string, string> = {
            'azureml.azureRoot': 'cloud', 'azureml.azureSignIn': 'account', 'azureml.azureTenantSignIn': 'account', 'azureml.subscription': 'azure',
            'azureml.azureWorkspace': 'azure', 'azureml.azureExperiments': 'beaker', 'azureml.azureExperiment': 'beaker',
            'azureml.azureLog': 'output', 'azureml.azureCompute.steady': 'vm', 'azureml.azureCompute': 'vm',
            'azureml.azureAsset': 'package',
        };
        for (const [contextValue, id] of Object.entries(expected)) {
            assert.strictEqual(iconSpec(contextValue)?.id, id, contextValue);
        }
        for (const folder of ['azureComputes', 'azureEnvironments', 'azureModels', 'azureData', 'azureSteps', 'azureLogs',
            'azureOutputs', 'azureOutput']) {
            assert.ok(iconSpec(`azureml.${folder}`), folder);
        }
    });

    it('shows an Azure ML job status as a local run of that status', () => {
        for (const status of ['running', 'completed', 'failed', 'canceled', 'queued', 'preparing']) {
            assert.deepStrictEqual(iconSpec(`azureml.azureJob.${status}`), iconSpec(`azureml.run.${status}`), status);
        }
        assert.strictEqual(iconSpec('azureml.run.completed')?.id, 'pass');
    });

    it('has an icon for every Azure ML job status', () => {
        for (const status of ['notstarted', 'starting', 'provisioning', 'preparing', 'queued', 'running', 'finalizing',
            'cancelrequested', 'completed', 'failed', 'canceled', 'notresponding', 'paused', 'unknown']) {
            assert.ok(iconSpec(`azureml.azureJob.${status}`), status);
        }
    });

    it('marks a failed compute, and gives unknown nodes no icon', () => {
        assert.strictEqual(iconSpec('azureml.azureCompute.failed')?.color, 'testing.iconFailed');
        assert.strictEqual(iconSpec('azureml.azureCompute.running')?.color, undefined);
        assert.strictEqual(iconSpec('azureml.somethingNew'), undefined);
        assert.strictEqual(iconSpec('azureml.azureJob.somethingNew'), undefined);
    });
});
