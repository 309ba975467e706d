import * as assert from 'assert';
import { runPicks } from '../src/runPicks';

describe('runPicks: the runs "Start debugger" and ${command:pickRun} offer', () => {
    it('show each run by id, with its experiment, kind, status and where its debugger listens', () => {
        const [pick] = runPicks([{ runId: 'digits_1_ab', experiment: 'digits', status: 'Running', kind: 'command',
            endpoint: '127.0.0.1:40123' }]);
        assert.deepStrictEqual(pick, { label: 'digits_1_ab', description: 'digits · command',
            detail: 'Running, debugger at 127.0.0.1:40123', runId: 'digits_1_ab' });
    });

    it('offer nothing when no run waits for a debugger', () => {
        assert.deepStrictEqual(runPicks([]), []);
    });
});
