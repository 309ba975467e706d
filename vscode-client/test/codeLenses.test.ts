import * as assert from 'assert';
import { deploymentOf, scoreLenses, yamlLenses } from '../src/codeLenses';
import { Commands } from '../src/commands';

const DEPLOYMENT = 'model:\n  path: ./model\ncode_configuration:\n  code: ../app\n  scoring_script: serve.py\n';

describe('codeLenses: Run locally | Debug locally | Submit where the code is', () => {
    it('put Run locally, Debug locally and Submit on a job or pipeline YAML\'s first line', () => {
        for (const text of ['$schema: x/commandJob.schema.json\ncommand: python t.py\n', 'type: pipeline\njobs:\n  a:\n    command: x\n']) {
            const lenses = yamlLenses(text);
            assert.deepStrictEqual(lenses.map(l => l.title), ['Run locally', 'Debug locally', 'Submit']);
            assert.deepStrictEqual(lenses.map(l => l.command), [Commands.runLocally, Commands.debugLocally, Commands.submitExperiment]);
            assert.ok(lenses.every(l => l.line === 0 && l.target === 'file'));
        }
    });

    it('put only Debug locally on a deployment YAML, and nothing on other YAML', () => {
        assert.deepStrictEqual(yamlLenses(DEPLOYMENT).map(l => l.title), ['Debug locally']);
        assert.deepStrictEqual(yamlLenses('name: env\nimage: python\n'), []);
    });

    it('put Debug locally above def init( and def run( of a scoring script, for its deployment', () => {
        const lenses = scoreLenses('import json\n\ndef init():\n    pass\n\n\ndef run(raw_data):\n    def run(x): pass\n');
        assert.deepStrictEqual(lenses.map(l => [l.line, l.title, l.target]), [[2, 'Debug locally', 'deployment'],
            [6, 'Debug locally', 'deployment']]);
    });

    it('find a script\'s deployment: the one whose scoring_script it is, else the one next to it', () => {
        const files = [
            { relative: 'deploy/deployment.yml', text: DEPLOYMENT },
            { relative: 'other/deployment.yml', text: 'code_configuration: {code: ., scoring_script: score.py}\n' },
            { relative: 'other/job.yml', text: 'command: python x.py\n' },
        ];
        assert.strictEqual(deploymentOf('app/serve.py', files), 'deploy/deployment.yml');
        assert.strictEqual(deploymentOf('other/score.py', files), 'other/deployment.yml');
        assert.strictEqual(deploymentOf('other/helper.py', files), 'other/deployment.yml', 'next to a deployment YAML');
        assert.strictEqual(deploymentOf('lone/score.py', files), undefined);
    });
});
