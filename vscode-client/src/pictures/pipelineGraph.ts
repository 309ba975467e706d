// A pipeline as a graph: a box per step, columns by depth (a step stands right of every step it reads from),
// an arrow per data binding. Clicking a box opens the step's log; its "Debug" link debugs it.
import { PipelineEdge, PipelineGraph, PipelineStep } from './model';
import { escape, px } from './svg';

export const BOX = { width: 170, height: 64, gapX: 90, gapY: 28, margin: 20 };

export interface Box { step: PipelineStep; depth: number; row: number; x: number; y: number }
export interface Arrow { edge: PipelineEdge; path: string; labelX: number; labelY: number }
export interface Layout { boxes: Box[]; arrows: Arrow[]; width: number; height: number }

/** Each step's depth: 0 for a step that reads from none, else one more than the deepest step it reads from. */
export function depths(steps: string[], edges: PipelineEdge[]): Map<string, number> {
    const depth = new Map(steps.map(name => [name, 0]));
    // At most one pass per step settles every chain; a cycle (which the server refuses) stops there too.
    for (let pass = 0; pass < steps.length; pass++) {
        let changed = false;
        for (const edge of edges) {
            const next = (depth.get(edge.from) ?? 0) + 1;
            if (depth.has(edge.to) && next > depth.get(edge.to)!) {
                depth.set(edge.to, next);
                changed = true;
            }
        }
        if (!changed) {
            break;
        }
    }
    return depth;
}

export function layoutPipeline(graph: PipelineGraph): Layout {
    const depth = depths(graph.steps.map(s => s.name), graph.edges);
    const rows = new Map<number, number>();
    const boxes = graph.steps.map(step => {
        const d = depth.get(step.name) ?? 0;
        const row = rows.get(d) ?? 0;
        rows.set(d, row + 1);
        return { step, depth: d, row, x: BOX.margin + d * (BOX.width + BOX.gapX), y: BOX.margin + row * (BOX.height + BOX.gapY) };
    });
    const byName = new Map(boxes.map(b => [b.step.name, b]));
    const arrows = graph.edges.flatMap(edge => {
        const from = byName.get(edge.from);
        const to = byName.get(edge.to);
        if (!from || !to) {
            return [];
        }
        const x1 = from.x + BOX.width;
        const y1 = from.y + BOX.height / 2;
        const x2 = to.x;
        const y2 = to.y + BOX.height / 2;
        const bend = (x2 - x1) / 2;
        return [{ edge, path: `M${px(x1)},${px(y1)} C${px(x1 + bend)},${px(y1)} ${px(x2 - bend)},${px(y2)} ${px(x2)},${px(y2)}`,
            labelX: (x1 + x2) / 2, labelY: (y1 + y2) / 2 - 6 }];
    });
    const columns = Math.max(1, ...boxes.map(b => b.depth + 1));
    const tallest = Math.max(1, ...rows.values());
    return { boxes, arrows, width: 2 * BOX.margin + columns * BOX.width + (columns - 1) * BOX.gapX,
        height: 2 * BOX.margin + tallest * BOX.height + (tallest - 1) * BOX.gapY };
}

/** How a state reads in a box: "reused", "running", "notStarted" as "not started". */
export function stateLabel(step: PipelineStep): string {
    return step.state === 'notStarted' ? 'not started' : step.state;
}

function boxSvg(box: Box): string {
    const { step, x, y } = box;
    const open = step.logUri ? ` data-action="openLog" data-uri="${escape(step.logUri)}"` : '';
    const tooltip = [step.runId, step.reusedFrom && `reused the outputs of ${step.reusedFrom}`, step.error]
        .filter(Boolean).join('\n');
    const debug = step.runId
        ? `<text class="action" x="${x + BOX.width - 10}" y="${y + 52}" text-anchor="end" data-action="debug"`
            + ` data-run-id="${escape(step.runId)}" data-state="${escape(step.state)}">Debug</text>` : '';
    return `<g class="step state-${escape(step.state)}" data-step="${escape(step.name)}" data-state="${escape(step.state)}">`
        + `<rect class="box${open ? ' clickable' : ''}" x="${x}" y="${y}" width="${BOX.width}" height="${BOX.height}" rx="6"${open}>`
        + `<title>${escape(tooltip || step.name)}</title></rect>`
        + `<rect class="band" x="${x}" y="${y}" width="6" height="${BOX.height}" rx="3"/>`
        + `<text class="name" x="${x + 16}" y="${y + 24}"${open}>${escape(step.name)}</text>`
        + `<text class="state" x="${x + 16}" y="${y + 46}"${open}>${escape(stateLabel(step))}</text>`
        + debug + '</g>';
}

export function pipelineHtml(graph: PipelineGraph): string {
    const layout = layoutPipeline(graph);
    const arrows = layout.arrows.map(a => `<path class="edge" d="${a.path}" marker-end="url(#arrow)"/>`
        + `<text class="edge-label" x="${px(a.labelX)}" y="${px(a.labelY)}" text-anchor="middle">${escape(a.edge.label)}</text>`).join('');
    const svg = `<svg class="graph" viewBox="0 0 ${layout.width} ${layout.height}" width="${layout.width}" height="${layout.height}"`
        + ` role="img" aria-label="pipeline ${escape(graph.runId)}"><defs><marker id="arrow" viewBox="0 0 10 10" refX="10"`
        + ` refY="5" markerWidth="7" markerHeight="7" orient="auto-start-reverse"><path class="arrowhead" d="M0,0 L10,5 L0,10 z"/>`
        + `</marker></defs>${arrows}${layout.boxes.map(boxSvg).join('')}</svg>`;
    const note = graph.note ? `<p class="note">${escape(graph.note)}</p>` : '';
    return `<p class="status" data-status="${escape(graph.status)}">Pipeline ${escape(graph.runId)} · ${escape(graph.status)}`
        + `${graph.active ? ' · updates as it runs' : ''} · click a step for its log</p>${note}${svg}`;
}
