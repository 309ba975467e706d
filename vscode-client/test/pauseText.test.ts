import * as assert from 'assert';
import { pauseText, ranksTooltip, spoken } from '../src/pauseText';

describe('the status bar on paused ranks', () => {
    const body = {
        stopAll: true,
        ranks: [
            { rank: 0, state: 'paused', cause: 'world', reason: 'pause', since: 1000 },
            { rank: 1, state: 'paused', cause: 'own', reason: 'breakpoint', since: 990,
                governor: 'process-group timeouts stretched (held 7 days; the script asked 20 s)' },
            { rank: 2, state: 'running', cause: 'world', waiting: 'train.py:70 in main' },
        ],
    };

    it('names the rank that stopped by itself, how long, who paused with it and the stretched clocks', () => {
        assert.strictEqual(pauseText(body, 990 + 12 * 60 + 5),
            'rank 1 paused 12 min (1 more rank with it); process-group timeouts stretched');
    });

    it('says nothing when no rank is paused', () => {
        assert.strictEqual(pauseText({ ranks: [{ rank: 0, state: 'running' }] }, 5), undefined);
    });

    it('counts seconds under two minutes and minutes after', () => {
        assert.deepStrictEqual([spoken(40.7), spoken(119), spoken(120), spoken(-3)], ['40 s', '119 s', '2 min', '0 s']);
    });

    it('lists every rank in the tooltip, the one waiting in native code with where', () => {
        assert.strictEqual(ranksTooltip(body, 1030), [
            'rank 0: paused 30 s (stop-the-world)',
            'rank 1: paused 40 s (breakpoint)',
            'rank 2: running, waits at train.py:70 in main',
            'pause governor: process-group timeouts stretched (held 7 days; the script asked 20 s)',
        ].join('\n'));
    });
});
