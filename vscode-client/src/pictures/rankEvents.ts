// What a rank's debug session tells the timeline: the DAP messages between VS Code and the rank, read as
// paused (a stopped event) or running again (a continue or step request, or a continued event). Pure.
import { RankEvent } from './model';

interface DapMessage { type?: string; event?: string; command?: string; body?: { reason?: string; description?: string } }

const RESUMING = new Set(['continue', 'next', 'stepIn', 'stepOut', 'reverseContinue', 'stepBack']);

/** The timeline event a message means, or undefined for the many that change nothing. */
export function rankEventOf(message: DapMessage, at: number): RankEvent | undefined {
    if (message.type === 'event' && message.event === 'stopped') {
        return { at, state: 'paused', detail: message.body?.description ?? message.body?.reason };
    }
    if ((message.type === 'event' && message.event === 'continued')
        || (message.type === 'request' && RESUMING.has(message.command ?? ''))) {
        return { at, state: 'running' };
    }
    return undefined;
}

/** The events the editor saw, per run and rank: kept while the window lives. */
export class RankEventLog {
    private readonly runs = new Map<string, Map<number, RankEvent[]>>();

    add(runId: string, rank: number, event: RankEvent): void {
        const ranks = this.runs.get(runId) ?? new Map<number, RankEvent[]>();
        this.runs.set(runId, ranks);
        const events = ranks.get(rank) ?? [];
        ranks.set(rank, events);
        if (events[events.length - 1]?.state !== event.state) {
            events.push(event);
        }
    }

    of(runId: string): Map<number, RankEvent[]> {
        return this.runs.get(runId) ?? new Map<number, RankEvent[]>();
    }
}
