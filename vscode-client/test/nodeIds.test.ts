import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';

// Node ids belong to the server (docs/protocol.md): the extension passes them back and never takes them apart.
describe('tree node ids', () => {
    it('are never parsed by the extension', () => {
        const src = path.join(__dirname, '..', '..', 'src');
        const parsing = /\.id\??\.(replace|split|slice|substring|substr|startsWith|endsWith|match|indexOf)\(/;
        for (const file of fs.readdirSync(src).filter(name => name.endsWith('.ts'))) {
            const text = fs.readFileSync(path.join(src, file), 'utf8');
            text.split('\n').forEach((line, index) =>
                assert.ok(!parsing.test(line), `${file}:${index + 1} parses a node id: ${line.trim()}`));
        }
    });
});
