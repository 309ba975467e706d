import * as assert from 'assert';
import { attachesAtOnce, debugReadyMessage, sessionName } from '../src/debugReady';

const local = { runId: 'digits_1795512050_f7d5ead9', endpoint: '127.0.0.1:32768' };
const step = { ...local, pipelineId: 'pipe_1_0', step: 'train' };
const azure = { runId: 'azure:job-0001', endpoint: '10.0.0.4:5678', azureJob: 'job-0001' };
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
});
