import * as assert from 'assert';
import { dynamicConfigurations, isCommandJob } from '../src/dynamicConfigurations';

describe('dynamicConfigurations: the Azure ML entries of Run and Debug', () => {
    it('offer one launch per command job YAML, by path, then the current file', () => {
        const entries = dynamicConfigurations([
            { relative: 'pipeline/pipeline.yml', text: 'type: pipeline\njobs:\n  a:\n    command: x\n' },
            { relative: 'digits/job.yml', text: '$schema: https://azuremlschemas.azureedge.net/latest/commandJob.schema.json\ncode: .\n' },
            { relative: 'env.yml', text: 'name: env\nimage: python\n' },
            { relative: 'a/job.yaml', text: 'type: command\ncommand: python x.py\n' },
        ]);
        assert.deepStrictEqual(entries.map(e => e.name), ['Azure ML: debug a/job.yaml', 'Azure ML: debug digits/job.yml',
            'Azure ML: debug the current file in Docker']);
        assert.strictEqual(entries[1].job, '${workspaceFolder}/digits/job.yml');
        assert.strictEqual(entries[2].script, '${file}');
        assert.ok(entries.every(e => e.type === 'azureml' && e.request === 'launch'));
    });

    it('read a job as the server does: its type first', () => {
        assert.ok(isCommandJob('command: python train.py\n'));
        assert.ok(!isCommandJob('type: pipeline\ncommand: x\n'));
        assert.ok(!isCommandJob('name: my-env\nimage: python:3.11\n'));
    });
});
