import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { ServerCommands } from '../src/commands';
import { AllMethods } from '../src/protocol';

describe('protocol.ts mirrors docs/protocol.md', () => {
    it('names exactly the azureml/ methods the document names', () => {
        const doc = fs.readFileSync(path.join(__dirname, '..', '..', '..', 'docs', 'protocol.md'), 'utf8');
        const documented = new Set(Array.from(doc.matchAll(/(?<![.\w])azureml\/([A-Za-z]+)/g), m => `azureml/${m[1]}`));
        assert.deepStrictEqual([...new Set(AllMethods)].sort(), [...documented].sort());
    });

    it('the server commands the extension sends are documented', () => {
        const doc = fs.readFileSync(path.join(__dirname, '..', '..', '..', 'docs', 'protocol.md'), 'utf8');
        for (const id of Object.values(ServerCommands)) {
            assert.ok(doc.includes('`' + id + '`'), `${id} is not in docs/protocol.md`);
        }
    });
});
