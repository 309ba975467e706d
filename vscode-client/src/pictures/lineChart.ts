// A run's metrics as line charts: one small chart per metric, each with its own scale, in a wrapping grid.
import { MetricSeries, RunMetrics } from './model';
import { escape, px, shortNumber } from './svg';

const WIDTH = 360;
const HEIGHT = 200;
const MARGIN = { left: 52, right: 14, top: 26, bottom: 30 };

export interface Scale { min: number; max: number }

/** The range a scale spans; a flat line gets room around it so that it is drawn in the middle. */
export function extent(values: number[]): Scale {
    const finite = values.filter(Number.isFinite);
    if (finite.length === 0) {
        return { min: 0, max: 1 };
    }
    const min = Math.min(...finite);
    const max = Math.max(...finite);
    return min === max ? { min: min - (Math.abs(min) || 1) / 2, max: max + (Math.abs(max) || 1) / 2 } : { min, max };
}

/** Where a value lands between `from` and `to` (pixels) on a scale. */
export function position(value: number, scale: Scale, from: number, to: number): number {
    return from + (value - scale.min) / (scale.max - scale.min) * (to - from);
}

/** One metric's chart: axes with their ends labelled, the line, and a dot per point (the tooltip gives step and value). */
export function seriesSvg(series: MetricSeries, colour: number): string {
    const points = series.points.filter(p => Number.isFinite(p.value));
    const x = extent(points.map(p => p.step));
    const y = extent(points.map(p => p.value));
    const left = MARGIN.left;
    const right = WIDTH - MARGIN.right;
    const top = MARGIN.top;
    const bottom = HEIGHT - MARGIN.bottom;
    const at = points.map(p => ({ p, cx: position(p.step, x, left, right), cy: position(p.value, y, bottom, top) }));
    const line = at.length > 1
        ? `<polyline class="line c${colour}" points="${at.map(a => `${px(a.cx)},${px(a.cy)}`).join(' ')}"/>` : '';
    const dots = at.map(a => `<circle class="dot c${colour}" cx="${px(a.cx)}" cy="${px(a.cy)}" r="3">`
        + `<title>step ${a.p.step}: ${escape(String(a.p.value))}</title></circle>`).join('');
    const last = points.length ? ` = ${shortNumber(points[points.length - 1].value)}` : '';
    return `<svg class="chart" data-metric="${escape(series.name)}" data-points="${points.length}" viewBox="0 0 ${WIDTH} ${HEIGHT}"`
        + ` width="${WIDTH}" height="${HEIGHT}" role="img" aria-label="${escape(series.name)}">`
        + `<text class="title" x="${left}" y="16">${escape(series.name)}${escape(last)}</text>`
        + `<text class="source" x="${right}" y="16" text-anchor="end">${escape(series.source)}</text>`
        + `<path class="axis" d="M${left},${top} V${bottom} H${right}"/>`
        + `<text class="tick" x="${left - 6}" y="${top + 4}" text-anchor="end">${shortNumber(y.max)}</text>`
        + `<text class="tick" x="${left - 6}" y="${bottom}" text-anchor="end">${shortNumber(y.min)}</text>`
        + `<text class="tick" x="${left}" y="${bottom + 16}">${points.length ? shortNumber(x.min) : ''}</text>`
        + `<text class="tick" x="${right}" y="${bottom + 16}" text-anchor="end">${points.length ? shortNumber(x.max) : ''}</text>`
        + `<text class="tick" x="${(left + right) / 2}" y="${bottom + 16}" text-anchor="middle">step</text>`
        + line + dots + '</svg>';
}

/** The whole picture: a line of state, then a chart per metric, or a sentence while there is none yet. */
export function metricsHtml(metrics: RunMetrics): string {
    const total = metrics.series.reduce((sum, s) => sum + s.points.length, 0);
    const header = `<p class="status" data-status="${escape(metrics.status)}" data-total-points="${total}">Run `
        + `${escape(metrics.runId)} · ${escape(metrics.status)}${metrics.active ? ' · updates as it runs' : ''}</p>`;
    if (metrics.series.length === 0) {
        return header + '<p class="empty">No metrics yet: the script logs them with MLflow (mlflow.log_metric) or '
            + 'writes outputs/metrics.json.</p>';
    }
    return header + '<div class="grid">' + metrics.series.map((s, i) => seriesSvg(s, i % 6)).join('') + '</div>';
}
