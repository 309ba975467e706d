import * as assert from 'assert';
import { dynamicConfigurations, isCommandJob, launchFor, pipelineSteps, scoringScript, yamlKind } from '../src/dynamicConfigurations';

const PIPELINE = 'type: pipeline\njobs:\n  prep:\n    type: command\n    inputs:\n      a: 1\n  # a comment\n\n  "train":\n'
    + '    component: ./train.yml\nsettings:\n  x: 1\n';
const DEPLOYMENT = '$schema: https://azuremlschemas.azureedge.net/latest/managedOnlineDeployment.schema.json\nname: d\n'
    + 'model:\n  path: ./model\ncode_configuration:\n  code: ./src/\n  scoring_script: score.py\nenvironment:\n  image: x\n';

describe('dynamicConfigurations: the Azure ML entries of Run and Debug', () => {
    it('offer a launch per command job, per pipeline step and per deployment YAML, by path, then the current file', () => {
        const entries = dynamicConfigurations([
            { relative: 'pipeline/pipeline.yml', text: PIPELINE },
            { relative: 'digits/job.yml', text: '$schema: https://azuremlschemas.azureedge.net/latest/commandJob.schema.json\ncode: .\n' },
            { relative: 'env.yml', text: 'name: env\nimage: python\n' },
            { relative: 'deployment/deployment.yml', text: DEPLOYMENT },
            { relative: 'a/job.yaml', text: 'type: command\ncommand: python x.py\n' },
            { relative: 'one/pipeline.yml', text: 'type: pipeline\njobs:\n  solo:\n    command: x\n' },
        ]);
        assert.deepStrictEqual(entries.map(e => e.name), ['Azure ML: debug a/job.yaml', 'Azure ML: debug deployment deployment/deployment.yml',
            'Azure ML: debug digits/job.yml', 'Azure ML: debug one/pipeline.yml', 'Azure ML: debug pipeline/pipeline.yml, step prep',
            'Azure ML: debug pipeline/pipeline.yml, step train', 'Azure ML: debug the current file in Docker']);
        assert.strictEqual(entries[1].deployment, '${workspaceFolder}/deployment/deployment.yml');
        assert.strictEqual(entries[2].job, '${workspaceFolder}/digits/job.yml');
        assert.strictEqual(entries[3].step, undefined, 'the only step of a pipeline needs no name');
        assert.deepStrictEqual([entries[5].job, entries[5].step], ['${workspaceFolder}/pipeline/pipeline.yml', 'train']);
        assert.strictEqual(entries[6].script, '${file}');
        assert.ok(entries.every(e => e.type === 'azureml' && e.request === 'launch'));
    });

    it('read a job as the server does: its type first', () => {
        assert.ok(isCommandJob('command: python train.py\n'));
        assert.ok(!isCommandJob('type: pipeline\ncommand: x\n'));
        assert.ok(!isCommandJob('name: my-env\nimage: python:3.11\n'));
        assert.ok(!isCommandJob('$schema: https://azuremlschemas.azureedge.net/latest/commandComponent.schema.json\ntype: command\n'),
            'a pipeline\'s component is not a job of its own');
    });

    it('tell jobs, pipelines and deployments from other YAML', () => {
        assert.strictEqual(yamlKind(PIPELINE), 'pipeline');
        assert.strictEqual(yamlKind('type: "pipeline"  # quoted\njobs: {}\n'), 'pipeline');
        assert.strictEqual(yamlKind('command: python x.py\n'), 'job');
        assert.strictEqual(yamlKind(DEPLOYMENT), 'deployment');
        assert.strictEqual(yamlKind('model: {path: m}\ncode_configuration: {code: ., scoring_script: s.py}\n'), 'deployment');
        assert.strictEqual(yamlKind('name: env\nimage: python\nconda_file: c.yml\n'), undefined);
        assert.strictEqual(yamlKind('type: sweep\ncode_configuration: x\n'), undefined);
    });

    it('name a pipeline\'s steps: the keys right under jobs, comments and nested keys left out', () => {
        assert.deepStrictEqual(pipelineSteps(PIPELINE), ['prep', 'train']);
        assert.deepStrictEqual(pipelineSteps('type: pipeline\n'), []);
    });

    it('find a deployment\'s scoring script from its code folder, block or flow style', () => {
        assert.strictEqual(scoringScript(DEPLOYMENT), 'src/score.py');
        assert.strictEqual(scoringScript('code_configuration: {code: ., scoring_script: score.py}\n'), 'score.py');
        assert.strictEqual(scoringScript('code_configuration:\n  code: .\nmodel:\n  scoring_script: no.py\n'), undefined);
    });

    it('launch a deployment with "deployment", a pipeline step with "step"', () => {
        assert.deepStrictEqual(launchFor('deployment', 'd/deployment.yml'), { type: 'azureml', request: 'launch',
            name: 'Azure ML: debug deployment d/deployment.yml', deployment: '${workspaceFolder}/d/deployment.yml' });
        assert.strictEqual(launchFor('pipeline', 'p.yml', 'train').step, 'train');
        assert.strictEqual(launchFor('job', 'j.yml').job, '${workspaceFolder}/j.yml');
    });
});
