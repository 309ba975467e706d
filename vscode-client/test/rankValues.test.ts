import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { Commands } from '../src/commands';
import { compareValues, fingerprintExpression, RankValue, valuesHtml } from '../src/rankValues';

const SAME = 'Tensor[3] float32 cpu crc=0a1b2c3d';
const rank = (n: number, value?: string): RankValue => ({ label: `rank ${n}`, rank: n, node: Math.floor(n / 2), value });

describe('evaluate on all ranks', () => {
    it('evaluate the shim\'s fingerprint of the expression, as the console does', () => {
        assert.strictEqual(fingerprintExpression('a, b'), "__import__('aml_debug_fingerprint').of((a, b))");
    });

    it('mark the rank whose value differs from the majority, and say which in the summary', () => {
        const comparison = compareValues([rank(0, SAME), rank(1, SAME), rank(2, 'Tensor[3] float32 cpu crc=99999999'),
            rank(3, SAME), rank(4)]);
        assert.strictEqual(comparison.majority, SAME);
        assert.deepStrictEqual(comparison.rows.map(r => r.differs), [false, false, true, false, false]);
        assert.strictEqual(comparison.summary, '3 of 4 paused ranks agree; rank 2 differs; rank 4 is running');
    });

    it('mark nothing when every rank agrees or when no value has a majority', () => {
        assert.strictEqual(compareValues([rank(0, '1'), rank(1, '1')]).summary, 'all 2 ranks agree');
        const tie = compareValues([rank(0, '1'), rank(1, '2')]);
        assert.strictEqual(tie.majority, undefined);
        assert.ok(tie.rows.every(r => !r.differs));
        assert.strictEqual(tie.summary, 'no value has a majority: 2 values among 2 ranks');
        assert.strictEqual(compareValues([rank(0), rank(1)]).summary, 'no rank is paused; rank 0, rank 1 are running');
    });

    it('show a table row per rank, the differing one marked and the running one said so, values escaped', () => {
        const html = valuesHtml('x < y', compareValues([rank(0, '<b>'), rank(1, '<b>'), rank(2, 'other'), rank(3)]));
        assert.match(html, /<tr class="agrees"><td>0<\/td><td>0<\/td><td class="value">&lt;b&gt;<\/td><td class="mark"><\/td><\/tr>/);
        assert.match(html, /<tr class="differs"><td>2<\/td><td>1<\/td><td class="value">other<\/td><td class="mark">≠ differs<\/td>/);
        assert.match(html, /<tr class="running"><td>3<\/td><td>1<\/td><td class="value">running, not evaluated<\/td>/);
        assert.match(html, /<code>x &lt; y<\/code>/);
        assert.match(html, /2 of 3 paused ranks agree; rank 2 differs; rank 3 is running/);
    });

    it('offer the command in the debug toolbar, the call stack and the palette while a rank is debugged', () => {
        const manifest = JSON.parse(fs.readFileSync(path.join(__dirname, '..', '..', 'package.json'), 'utf8')) as
            { contributes: { menus: Record<string, { command: string; when: string }[]> } };
        const menus = manifest.contributes.menus;
        for (const menu of ['debug/toolBar', 'debug/callstack/context', 'commandPalette', 'editor/context']) {
            const item = menus[menu].find(i => i.command === Commands.evaluateOnAllRanks);
            assert.ok(item?.when.includes('azureml.rankSessionActive'), menu);
        }
    });
});
