import * as assert from 'assert';
import { attachesAtOnce, debugReadyMessage, needsOffer, offerLabel, RUN_MODES, sessionName } from '../src/debugReady';

const local = { runId: 'digits_1795512050_f7d5ead9', endpoint: '127.0.0.1:32768' };
const step = { ...local, pipelineId: 'pipe_1_0', step: 'train' };
const azure = { runId: 'azure:job-0001', endpoint: '10.0.0.4:5678', azureJob: 'job-0001' };
const failed = { ...local, postMortem: true, exception: 'ZeroDivisionError: division by zero' };
const azureStep = { runId: 'azure:pipe-0001_train', endpoint: '10.0.0.5:41235', azureJob: 'pipe-0001_train',
    pipelineId: 'pipe-0001', step: 'train' };

describe('debugReady: attach at once, or offer to', () => {
    it('attaches at once to an Azure ML job the user asked for, whatever the setting', () => {
        assert.strictEqual(attachesAtOnce(azure, false), true);
        assert.strictEqual(attachesAtOnce(azure, true), true);
        assert.strictEqual(attachesAtOnce(azureStep, false), true);
    });

    it('offers to attach to a local run or step unless azureml.debug.autoAttach is set', () => {
        assert.strictEqual(attachesAtOnce(local, false), false);
        assert.strictEqual(attachesAtOnce(step, false), false);
        assert.strictEqual(attachesAtOnce(local, true), true);
    });

    it('names the run, the step or the Azure ML job and where its debugpy waits', () => {
        assert.strictEqual(debugReadyMessage(local), 'Azure ML run digits_1795512050_f7d5ead9 waits for a debugger at 127.0.0.1:32768.');
        assert.strictEqual(debugReadyMessage(step),
            'Azure ML pipeline step train (run digits_1795512050_f7d5ead9) waits for a debugger at 127.0.0.1:32768.');
        assert.strictEqual(debugReadyMessage(azure), 'Azure ML job job-0001 waits for a debugger at 10.0.0.4:5678.');
        assert.strictEqual(debugReadyMessage(azureStep),
            'Azure ML pipeline step train (job pipe-0001_train) waits for a debugger at 10.0.0.5:41235.');
    });

    it('names the debug session by the job for Azure ML, by the run otherwise', () => {
        assert.strictEqual(sessionName(azure), 'Azure ML job job-0001 (10.0.0.4:5678)');
        assert.strictEqual(sessionName(azureStep), 'Azure ML step train (pipe-0001_train, 10.0.0.5:41235)');
        assert.strictEqual(sessionName(local), 'Azure ML: digits_1795512050_f7d5ead9');
        assert.strictEqual(sessionName({ ...azureStep, runId: 'azure:pipe-0001_train/rank/3', endpoint: '10.0.0.6:5679',
            process: 'rank 3 (node 1)' }), 'Azure ML step train rank 3 (node 1) (pipe-0001_train, 10.0.0.6:5679)');
    });

    it('offers to debug the failure of a run that failed and waits (post-mortem), naming the exception', () => {
        assert.strictEqual(offerLabel(failed), 'Debug the failure');
        assert.strictEqual(offerLabel(local), 'Start debugger');
        assert.strictEqual(debugReadyMessage(failed), 'Azure ML run digits_1795512050_f7d5ead9 failed with'
            + ' ZeroDivisionError: division by zero and waits for a debugger to inspect it.');
        assert.strictEqual(debugReadyMessage({ ...failed, pipelineId: 'pipe_1_0', step: 'train' }),
            'Azure ML pipeline step train (run digits_1795512050_f7d5ead9) failed with ZeroDivisionError: division by zero'
            + ' and waits for a debugger to inspect it.');
    });

    it('does not offer the failure of a run whose debugger is attached already: it stopped there', () => {
        assert.strictEqual(needsOffer(failed, new Set([local.runId])), false);
        assert.strictEqual(needsOffer(failed, new Set()), true);
        assert.strictEqual(needsOffer(local, new Set([local.runId])), true);
    });

    it('runs locally debugged from the start, debugged only if it fails, or plainly', () => {
        assert.deepStrictEqual(RUN_MODES.map(m => [m.debug, m.postMortem]), [[true, false], [false, true], [false, false]]);
    });
});
