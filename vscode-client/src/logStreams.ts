// Routes azureml/azureLog notifications to whatever follows each stream. The server may send a
// stream's first text before the answer to azureml.azure.followLog that names it: that text waits
// until the stream opens. A stream that was stopped, or has ended, takes nothing more.
import { AzureLogParams } from './protocol';

/** Where a stream's text goes: an output channel, in the extension. */
export interface LogSink { append(text: string): void }

export const END_OF_LOG = '--- The job has ended: this is the whole log. ---';

interface OpenStream { sink: LogSink; atLineStart: boolean }

export class LogStreams {
    private readonly streams = new Map<string, OpenStream>();
    private readonly early = new Map<string, AzureLogParams[]>();
    private readonly finished = new Set<string>();

    /** Starts writing a stream into sink, beginning with what came for it before. */
    open(streamId: string, sink: LogSink): void {
        this.streams.set(streamId, { sink, atLineStart: true });
        const waiting = this.early.get(streamId) ?? [];
        this.early.delete(streamId);
        waiting.forEach(params => this.deliver(params));
    }

    deliver(params: AzureLogParams): void {
        if (this.finished.has(params.streamId)) {
            return;
        }
        const stream = this.streams.get(params.streamId);
        if (!stream) {
            const waiting = this.early.get(params.streamId) ?? [];
            waiting.push(params);
            this.early.set(params.streamId, waiting);
            return;
        }
        if (params.text) {
            stream.sink.append(params.text);
            stream.atLineStart = params.text.endsWith('\n');
        }
        if (params.ended) {
            stream.sink.append((stream.atLineStart ? '' : '\n') + END_OF_LOG + '\n');
            this.finish(params.streamId);
        }
    }

    /** Stops writing a stream. True when it was still open: the server then has to be told to stop it. */
    close(streamId: string): boolean {
        const open = this.streams.has(streamId);
        this.finish(streamId);
        return open;
    }

    private finish(streamId: string): void {
        this.streams.delete(streamId);
        this.early.delete(streamId);
        this.finished.add(streamId);
    }
}
