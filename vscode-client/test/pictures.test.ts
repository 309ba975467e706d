import * as assert from 'assert';
import { extent, metricsHtml, position, seriesSvg } from '../src/pictures/lineChart';
import { PipelineGraph, RankTimeline } from '../src/pictures/model';
import { nonce, pageHtml } from '../src/pictures/page';
import { depths, layoutPipeline, pipelineHtml, BOX } from '../src/pictures/pipelineGraph';
import { RankEventLog, rankEventOf } from '../src/pictures/rankEvents';
import { rankLanes, timelineHtml } from '../src/pictures/rankTimeline';
import { escape, shortNumber } from '../src/pictures/svg';

const count = (html: string, what: RegExp) => (html.match(what) ?? []).length;

describe('metrics charts', () => {
    it('scale each metric to its own range, a flat line in the middle', () => {
        assert.deepStrictEqual(extent([0.5, 0.9, 0.7]), { min: 0.5, max: 0.9 });
        assert.deepStrictEqual(extent([2, 2]), { min: 1, max: 3 });
        assert.strictEqual(position(0.9, { min: 0.5, max: 0.9 }, 170, 26), 26);
        assert.strictEqual(position(0.5, { min: 0.5, max: 0.9 }, 170, 26), 170);
    });

    it('draw a dot per point and a line through them, with the last value in the title', () => {
        const svg = seriesSvg({ name: 'loss', source: 'mlflow', points: [{ step: 0, value: 0.9 }, { step: 1, value: 0.5 },
            { step: 2, value: 0.25 }] }, 0);
        assert.strictEqual(count(svg, /<circle /g), 3);
        assert.match(svg, /<polyline class="line c0" points="52,26 199,[\d.]+ 346,170"\/>/);
        assert.match(svg, /data-points="3"/);
        assert.match(svg, />loss = 0.25</);
    });

    it('say where metrics come from while there are none, and count every point', () => {
        assert.match(metricsHtml({ runId: 'r', status: 'Running', active: true, series: [] }), /mlflow\.log_metric/);
        const html = metricsHtml({ runId: 'r', status: 'Running', active: true, series: [
            { name: 'a', source: 'metrics.json', points: [{ step: 1, value: 1 }] },
            { name: 'b', source: 'metrics.json', points: [{ step: 1, value: 1 }, { step: 2, value: 2 }] }] });
        assert.match(html, /data-total-points="3"/);
        assert.strictEqual(count(html, /<svg /g), 2);
    });

    it('escape what scripts name their metrics', () => {
        assert.strictEqual(escape('<b a="1">&\''), '&lt;b a=&quot;1&quot;&gt;&amp;&#39;');
        assert.doesNotMatch(seriesSvg({ name: '<script>', source: 'x', points: [] }, 1), /<script>/);
        assert.strictEqual(shortNumber(0.123456), '0.1235');
        assert.strictEqual(shortNumber(123456), '1.23e+5');
    });
});

const diamond: PipelineGraph = {
    runId: 'p1', status: 'Running', active: true, steps: [
        { name: 'a', runId: 'ra', state: 'reused', status: 'Completed', logUri: 'file:///a.txt' },
        { name: 'b', runId: 'rb', state: 'running', status: 'Running', logUri: 'file:///b.txt' },
        { name: 'c', runId: 'rc', state: 'failed', status: 'Failed', logUri: 'file:///c.txt', error: 'exit code 1' },
        { name: 'd', state: 'notStarted', status: 'NotStarted' }],
    edges: [{ from: 'a', to: 'b', label: 't → r' }, { from: 'a', to: 'c', label: 't → r' },
        { from: 'b', to: 'd', label: 'l → l' }, { from: 'c', to: 'd', label: 'r → r' }],
};

describe('pipeline graph', () => {
    it('puts each step right of every step it reads from', () => {
        assert.deepStrictEqual([...depths(['d', 'c', 'b', 'a'], diamond.edges)], [['d', 2], ['c', 1], ['b', 1], ['a', 0]]);
    });

    it('lays out columns by depth and rows within a column, arrows from box to box', () => {
        const layout = layoutPipeline(diamond);
        assert.deepStrictEqual(layout.boxes.map(b => [b.step.name, b.depth, b.row]), [['a', 0, 0], ['b', 1, 0], ['c', 1, 1], ['d', 2, 0]]);
        const c = layout.boxes[2];
        assert.strictEqual(c.x, BOX.margin + BOX.width + BOX.gapX);
        assert.strictEqual(c.y, BOX.margin + BOX.height + BOX.gapY);
        assert.strictEqual(layout.arrows.length, 4);
        assert.match(layout.arrows[0].path, new RegExp(`^M${BOX.margin + BOX.width},${BOX.margin + BOX.height / 2} C`));
        assert.strictEqual(layout.width, 2 * BOX.margin + 3 * BOX.width + 2 * BOX.gapX);
    });

    it('shows each state, opens a log on click, and offers Debug only for steps that have a run', () => {
        const html = pipelineHtml(diamond);
        assert.deepStrictEqual(Array.from(html.matchAll(/<g class="step state-(\w+)" data-step="(\w)"/g), m => `${m[2]}:${m[1]}`),
            ['a:reused', 'b:running', 'c:failed', 'd:notStarted']);
        assert.match(html, /data-action="openLog" data-uri="file:\/\/\/c.txt"/);
        assert.strictEqual(count(html, /data-action="debug"/g), 3);
        assert.match(html, />not started</);
        assert.match(html, /<title>rc\nexit code 1<\/title>/);
        assert.match(pipelineHtml({ ...diamond, note: 'gone' }), /<p class="note">gone<\/p>/);
    });
});

const timeline: RankTimeline = {
    runId: 'd1', status: 'Failed', active: false, startedAt: 1000, endedAt: 9000, now: 20000, ranks: [
        { rank: 0, node: 0, events: [{ at: 1000, state: 'started' }, { at: 2000, state: 'waiting', detail: 'waits' },
            { at: 8000, state: 'exited', exitCode: 0 }] },
        { rank: 1, node: 1, events: [{ at: 1000, state: 'started' }, { at: 8500, state: 'exited', exitCode: 3 }] }],
};

describe('ranks timeline', () => {
    it('makes segments from the server\'s events and the editor\'s, up to the exit', () => {
        const editor = new Map([[0, [{ at: 3000, state: 'attached' }, { at: 4000, state: 'paused', detail: 'breakpoint' },
            { at: 6000, state: 'running' }, { at: 8600, state: 'paused' }]]]);
        const lanes = rankLanes(timeline, editor);
        assert.deepStrictEqual(lanes[0].segments.map(s => [s.state, s.from, s.to]),
            [['running', 1000, 2000], ['waiting', 2000, 3000], ['running', 3000, 4000], ['paused', 4000, 6000], ['running', 6000, 8000]]);
        assert.deepStrictEqual(lanes[1].segments.map(s => [s.state, s.from, s.to]), [['running', 1000, 8500]]);
        assert.strictEqual(lanes[1].exit?.exitCode, 3);
    });

    it('starts a rank that dialled the hub before the run\'s recorded start with its wait', () => {
        const early = { ...timeline, ranks: [{ rank: 0, node: 0, events: [{ at: 1000, state: 'started' },
            { at: 900, state: 'waiting' }, { at: 8000, state: 'exited', exitCode: 0 }] }] };
        const lanes = rankLanes(early, new Map([[0, [{ at: 1500, state: 'attached' }]]]));
        assert.deepStrictEqual(lanes[0].segments.map(s => [s.state, s.from, s.to]), [['waiting', 900, 1500], ['running', 1500, 8000]]);
        assert.match(timelineHtml(early, new Map()), /<rect class="segment seg-waiting" x="120" /);
    });

    it('runs a lane up to now while the run runs', () => {
        const running = { ...timeline, active: true, ranks: [{ rank: 0, node: 0, events: [{ at: 1000, state: 'started' }] }] };
        assert.deepStrictEqual(rankLanes(running, new Map())[0].segments, [{ state: 'running', from: 1000, to: 20000, detail: undefined }]);
    });

    it('draws a lane per rank with its exit code', () => {
        const html = timelineHtml(timeline, new Map());
        assert.strictEqual(count(html, /<g class="lane"/g), 2);
        assert.match(html, /data-exit-code="3">exit 3/);
        assert.match(html, /class="exit ok"[^>]*data-exit-code="0"/);
    });

    it('reads a rank\'s debug messages as paused and running again', () => {
        assert.deepStrictEqual(rankEventOf({ type: 'event', event: 'stopped', body: { reason: 'breakpoint' } }, 5),
            { at: 5, state: 'paused', detail: 'breakpoint' });
        assert.deepStrictEqual(rankEventOf({ type: 'request', command: 'next' }, 6), { at: 6, state: 'running' });
        assert.strictEqual(rankEventOf({ type: 'request', command: 'stackTrace' }, 7), undefined);
        const log = new RankEventLog();
        log.add('d1', 0, { at: 1, state: 'paused' });
        log.add('d1', 0, { at: 2, state: 'paused' });
        log.add('d1', 0, { at: 3, state: 'running' });
        assert.deepStrictEqual(log.of('d1').get(0)?.map(e => e.at), [1, 3]);
        assert.strictEqual(log.of('other').size, 0);
    });
});

describe('the webview page', () => {
    it('allows only its own nonce\'d style and script', () => {
        const page = pageHtml('Metrics: <r>', 'abc123', 'vscode-webview://x');
        assert.match(page, /content="default-src 'none'; img-src vscode-webview:\/\/x; style-src 'nonce-abc123'; script-src 'nonce-abc123';"/);
        assert.strictEqual(count(page, /<script nonce="abc123">/g), 1);
        assert.strictEqual(count(page, /<script/g), 1);
        assert.doesNotMatch(page, /https?:\/\//);
        assert.match(page, /var\(--vscode-charts-blue\)/);
        assert.match(page, /<title>Metrics: &lt;r><\/title>/);
        assert.match(nonce(), /^[A-Za-z0-9]{32}$/);
    });
});
