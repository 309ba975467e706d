import * as assert from 'assert';
import { debuggedRun, endpointParams, isRankSession } from '../src/debugSessions';

/** The configuration a hub's parent session gives in startDebugging; VS Code adds the parent's type. */
const rank = { type: 'azureml', request: 'attach', name: 'rank 3 (node 1)', hubPort: 40211, hubTicket: '9c1f0e2a',
    rank: 3, node: 1, pid: 42, pathMappings: [{ localRoot: '/home/me/proj', remoteRoot: '/aml/code' }], justMyCode: true };
const attachRun = { type: 'azureml', request: 'attach', name: 'Azure ML: ranks_1_ab', runId: 'ranks_1_ab' };
const launch = { type: 'azureml', request: 'launch', name: 'Azure ML: debug ranks', job: '/w/ranks/job.yml' };
const attachHost = { type: 'azureml', request: 'attach', name: 'Azure ML: attach', host: '10.0.0.4', port: 5678 };

describe('debugSessions: the endpoint each azureml session asks for', () => {
    it('asks for the plain adapter for a rank\'s child session, which has a ticket and no runId', () => {
        assert.strictEqual(isRankSession(rank), true);
        assert.deepStrictEqual(endpointParams(rank), {});
    });

    it('never sends a runId with a ticket: the ticket, not the run, names what the child attaches to', () => {
        assert.deepStrictEqual(endpointParams({ ...rank, runId: 'ranks_1_ab' }), {});
    });

    it('asks for the run\'s adapter for an attach by runId, and for the plain one for a launch or a host/port attach', () => {
        assert.deepStrictEqual(endpointParams(attachRun), { runId: 'ranks_1_ab' });
        assert.deepStrictEqual(endpointParams(launch), {});
        assert.deepStrictEqual(endpointParams({ ...launch, runId: 'ignored' }), {});
        assert.deepStrictEqual(endpointParams(attachHost), {});
    });

    it('is no rank session without a ticket, or when it is a launch', () => {
        assert.strictEqual(isRankSession(attachRun), false);
        assert.strictEqual(isRankSession({ ...launch, hubTicket: '9c1f0e2a' }), false);
        assert.strictEqual(isRankSession({ ...rank, hubTicket: 7 }), false);
    });
});

describe('debugSessions: the run a session debugs', () => {
    it('is the runId of an azureml attach', () => {
        assert.strictEqual(debuggedRun('azureml', attachRun), 'ranks_1_ab');
    });

    it('is none for a rank\'s child session, a launch, or another debug type', () => {
        assert.strictEqual(debuggedRun('azureml', rank), undefined);
        assert.strictEqual(debuggedRun('azureml', launch), undefined);
        assert.strictEqual(debuggedRun('debugpy', attachRun), undefined);
    });
});
