// A distributed run's ranks over time: a lane per rank, a segment per state (running, waiting for its debugger,
// paused at a breakpoint), and how it exited. The server knows starts, hub joins and exits; the editor adds what
// its debug sessions saw (attached, paused, running again).
import { RankEvent, RankTimeline } from './model';
import { escape, px } from './svg';

export interface Segment { state: string; from: number; to: number; detail?: string }
export interface Lane { rank: number; node: number; segments: Segment[]; exit?: RankEvent }

/** What a segment after an event shows; an exit ends the lane. */
const SEGMENT_OF: Record<string, string> = {
    started: 'running', attached: 'running', running: 'running', waiting: 'waiting', paused: 'paused',
};

/** The lanes: the server's events and the editor's for each rank, in time order, as segments up to the end. */
export function rankLanes(timeline: RankTimeline, editorEvents: Map<number, RankEvent[]>): Lane[] {
    const end = timeline.active ? timeline.now : timeline.endedAt ?? timeline.now;
    return timeline.ranks.map(lane => {
        const exit = lane.events.find(e => e.state === 'exited');
        const until = exit ? exit.at : end;
        // A rank that dialled the hub before the run's record says it started was waiting from then on.
        const events = [...lane.events.filter(e => e.state !== 'exited'), ...(editorEvents.get(lane.rank) ?? [])]
            .filter(e => e.at <= until).sort((a, b) => a.at - b.at)
            .filter((e, i) => e.state !== 'started' || i === 0);
        const segments: Segment[] = [];
        events.forEach((event, i) => {
            const to = i + 1 < events.length ? events[i + 1].at : until;
            const state = SEGMENT_OF[event.state] ?? 'running';
            const previous = segments[segments.length - 1];
            if (previous && previous.state === state && previous.to === event.at) {
                previous.to = to;
            } else if (to > event.at || i === events.length - 1) {
                segments.push({ state, from: event.at, to, detail: event.detail });
            }
        });
        return { rank: lane.rank, node: lane.node, segments, exit };
    });
}

const LANE = { height: 26, gap: 10, label: 120, width: 720, top: 30 };

function seconds(ms: number): string {
    return `${Math.round(ms / 100) / 10} s`;
}

export function timelineHtml(timeline: RankTimeline, editorEvents: Map<number, RankEvent[]>): string {
    const lanes = rankLanes(timeline, editorEvents);
    const start = Math.min(timeline.startedAt ?? timeline.now, ...lanes.flatMap(l => l.segments.map(s => s.from)));
    const end = Math.max(start + 1000, timeline.active ? timeline.now : timeline.endedAt ?? timeline.now,
        ...lanes.flatMap(l => l.exit ? [l.exit.at] : []));
    const x = (at: number) => LANE.label + (at - start) / (end - start) * (LANE.width - LANE.label - 90);
    const rows = lanes.map((lane, i) => {
        const y = LANE.top + i * (LANE.height + LANE.gap);
        const bars = lane.segments.map(s => `<rect class="segment seg-${escape(s.state)}" x="${px(x(s.from))}" y="${y}"`
            + ` width="${px(Math.max(2, x(s.to) - x(s.from)))}" height="${LANE.height}" data-state="${escape(s.state)}">`
            + `<title>${escape(s.state)} ${seconds(s.from - start)} – ${seconds(s.to - start)}${s.detail ? '\n' + escape(s.detail) : ''}`
            + '</title></rect>').join('');
        const exit = lane.exit ? `<text class="exit ${lane.exit.exitCode === 0 ? 'ok' : 'bad'}" x="${px(x(lane.exit.at) + 6)}"`
            + ` y="${y + 17}" data-exit-code="${lane.exit.exitCode}">exit ${lane.exit.exitCode}`
            + `<title>${escape(lane.exit.detail ?? '')}</title></text>` : '';
        return `<g class="lane" data-rank="${lane.rank}"><text class="lane-label" x="0" y="${y + 17}">rank ${lane.rank}`
            + ` (node ${lane.node})</text>${bars}${exit}</g>`;
    }).join('');
    const height = LANE.top + lanes.length * (LANE.height + LANE.gap) + 20;
    const legend = ['running', 'waiting', 'paused'].map((state, i) => `<rect class="segment seg-${state}" x="${LANE.label + i * 190}"`
        + ` y="4" width="14" height="14"/><text class="tick" x="${LANE.label + i * 190 + 20}" y="16">${state === 'waiting'
            ? 'waiting for its debugger' : state === 'paused' ? 'paused in the debugger' : state}</text>`).join('');
    const axis = `<text class="tick" x="${LANE.label}" y="${height - 4}">0 s</text><text class="tick" x="${px(x(end))}"`
        + ` y="${height - 4}" text-anchor="end">${seconds(end - start)}</text>`;
    return `<p class="status" data-status="${escape(timeline.status)}">Run ${escape(timeline.runId)} · ${escape(timeline.status)}`
        + `${timeline.active ? ' · updates as it runs' : ''}</p><svg class="timeline" viewBox="0 0 ${LANE.width} ${height}"`
        + ` width="${LANE.width}" height="${height}" role="img" aria-label="ranks of ${escape(timeline.runId)}">${legend}${rows}${axis}</svg>`;
}
