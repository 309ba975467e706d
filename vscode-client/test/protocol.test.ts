import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { ServerCommands } from '../src/commands';
import { AllMethods } from '../src/protocol';

describe('protocol.ts mirrors docs/protocol.md', () => {
    const doc = fs.readFileSync(path.join(__dirname, '..', '..', '..', 'docs', 'protocol.md'), 'utf8');

    it('names exactly the azureml/ methods the document names', () => {
        const documented = new Set(Array.from(doc.matchAll(/(?<![./\w])azureml\/([A-Za-z]+)/g), m => `azureml/${m[1]}`));
        assert.deepStrictEqual([...new Set(AllMethods)].sort(), [...documented].sort());
    });

    it('the server commands the extension sends are documented', () => {
        for (const id of Object.values(ServerCommands)) {
            assert.ok(doc.includes('`' + id + '`'), `${id} is not in docs/protocol.md`);
        }
    });

    it('every command of the document\'s tables is one the extension knows', () => {
        const documented = Array.from(doc.matchAll(/^\| `(azureml\.[\w.]+)` \|/gm), m => m[1]);
        assert.deepStrictEqual(documented.sort(), Object.values(ServerCommands).sort());
    });
});
