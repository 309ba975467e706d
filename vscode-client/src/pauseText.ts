// The words of the status bar on paused ranks (pauseStatus.ts shows them): pure, so the tests need no VS Code.
export const RANKS_EVENT = 'amlDebugRanks';
export interface RankStatus {
    rank?: number; state?: string; cause?: string; reason?: string; since?: number; waiting?: string; governor?: string;
}

export interface RanksBody { stopAll?: boolean; ranks?: RankStatus[]; now?: number }

/** {@code 40 s} under two minutes, {@code 12 min} after. */
export function spoken(seconds: number): string {
    const whole = Math.max(0, Math.floor(seconds));
    return whole < 120 ? `${whole} s` : `${Math.floor(whole / 60)} min`;
}

/**
 * The status bar's text for a run's ranks at {@code now} (seconds, the ranks' clock), or undefined when none is paused:
 * the rank that stopped by itself first, how many paused with it, and what the pause governor holds.
 */
export function pauseText(body: RanksBody, now: number): string | undefined {
    const paused = (body.ranks ?? []).filter(r => r.state === 'paused');
    if (paused.length === 0) {
        return undefined;
    }
    const own = paused.filter(r => r.cause !== 'world');
    const first = (own.length > 0 ? own : paused).reduce((a, b) => (a.since ?? now) <= (b.since ?? now) ? a : b);
    const others = paused.length - 1;
    let text = `rank ${first.rank ?? '?'} paused ${spoken(now - (first.since ?? now))}`;
    if (others > 0) {
        text += ` (${others} more ${others === 1 ? 'rank' : 'ranks'} with it)`;
    }
    if ((body.ranks ?? []).some(r => r.governor)) {
        text += '; process-group timeouts stretched';
    }
    return text;
}

/** One line per rank, for the tooltip. */
export function ranksTooltip(body: RanksBody, now: number): string {
    const lines = (body.ranks ?? []).map(r => {
        const state = r.state === 'paused'
            ? `paused ${spoken(now - (r.since ?? now))} (${r.cause === 'world' ? 'stop-the-world' : r.reason ?? 'paused'})`
            : r.waiting ? `running, waits at ${r.waiting}` : 'running';
        return `rank ${r.rank ?? '?'}: ${state}`;
    });
    const governor = (body.ranks ?? []).find(r => r.governor)?.governor;
    return [...lines, ...(governor ? [`pause governor: ${governor}`] : [])].join('\n');
}

