import * as assert from 'assert';
import { END_OF_LOG, LogSink, LogStreams } from '../src/logStreams';

class Channel implements LogSink {
    text = '';
    append(text: string): void {
        this.text += text;
    }
}

const log = (streamId: string, text: string, ended = false) => ({ streamId, source: 'user_logs/std_log.txt', text, ended });

describe('logStreams: azureml/azureLog into output channels', () => {
    it('writes text as it comes, partial lines included', () => {
        const streams = new LogStreams();
        const channel = new Channel();
        streams.open('s1', channel);
        streams.deliver(log('s1', 'epoch 1\nepo'));
        streams.deliver(log('s1', 'ch 2\n'));
        assert.strictEqual(channel.text, 'epoch 1\nepoch 2\n');
    });

    it('keeps what comes before the stream opens, and writes it first', () => {
        const streams = new LogStreams();
        streams.deliver(log('s1', 'first\n'));
        streams.deliver(log('s1', 'second\n'));
        const channel = new Channel();
        streams.open('s1', channel);
        streams.deliver(log('s1', 'third\n'));
        assert.strictEqual(channel.text, 'first\nsecond\nthird\n');
    });

    it('says when the job has ended, on a line of its own, and takes nothing after', () => {
        const streams = new LogStreams();
        const channel = new Channel();
        streams.open('s1', channel);
        streams.deliver(log('s1', 'no newline at the end'));
        streams.deliver(log('s1', '', true));
        streams.deliver(log('s1', 'late\n'));
        assert.strictEqual(channel.text, `no newline at the end\n${END_OF_LOG}\n`);
        assert.strictEqual(streams.close('s1'), false, 'an ended stream needs no stop');
    });

    it('shows the last words of a stream that ends on an error', () => {
        const streams = new LogStreams();
        const channel = new Channel();
        streams.open('s1', channel);
        streams.deliver(log('s1', 'aml-debug: Your Azure sign-in has expired: run `az login`.\n', true));
        assert.strictEqual(channel.text, `aml-debug: Your Azure sign-in has expired: run \`az login\`.\n${END_OF_LOG}\n`);
    });

    it('drops what comes for a stream after it was closed, and keeps streams apart', () => {
        const streams = new LogStreams();
        const first = new Channel();
        const second = new Channel();
        streams.open('s1', first);
        streams.open('s2', second);
        assert.strictEqual(streams.close('s1'), true, 'an open stream is stopped on the server too');
        streams.deliver(log('s1', 'after the stop\n'));
        streams.deliver(log('s1', '', true));
        streams.deliver(log('s2', 'other log\n'));
        assert.strictEqual(first.text, '');
        assert.strictEqual(second.text, 'other log\n');
    });
});
