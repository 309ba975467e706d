// The three pictures, wired to the server and the editor: a run's metrics, a pipeline's graph, a distributed run's
// ranks over time (with the pauses this window's debug sessions saw).
import * as vscode from 'vscode';
import { ServerCommands } from '../commands';
import { attachToRun } from '../debug';
import { isRankSession } from '../debugSessions';
import { metricsHtml } from './lineChart';
import { PipelineGraph, RankTimeline, RunMetrics } from './model';
import { PicturePanel } from './panel';
import { pipelineHtml } from './pipelineGraph';
import { RankEventLog, rankEventOf } from './rankEvents';
import { timelineHtml } from './rankTimeline';

type Execute = <T>(command: string, args: object) => Promise<T>;

export class Pictures {
    private readonly rankEvents = new RankEventLog();

    constructor(private readonly execute: Execute) {}

    /** Hears each rank's debug session (its child session of the hub), for the timeline's pauses. */
    trackRankSessions(): vscode.Disposable {
        return vscode.debug.registerDebugAdapterTrackerFactory('azureml', {
            createDebugAdapterTracker: session => {
                const configuration = session.configuration;
                if (!isRankSession(configuration) || typeof configuration.rank !== 'number'
                    || typeof configuration.runId !== 'string') {
                    return undefined;
                }
                const record = (message: object) => {
                    const event = rankEventOf(message, Date.now());
                    if (event) {
                        this.rankEvents.add(configuration.runId as string, configuration.rank as number, event);
                    }
                };
                return {
                    onWillStartSession: () => this.rankEvents.add(configuration.runId as string,
                        configuration.rank as number, { at: Date.now(), state: 'attached' }),
                    onDidSendMessage: record,
                    onWillReceiveMessage: record,
                };
            },
        });
    }

    showMetrics(runId: string): void {
        PicturePanel.show(`metrics:${runId}`, `Metrics: ${runId}`, async () => {
            const metrics = await this.execute<RunMetrics>(ServerCommands.runMetrics, { runId });
            return { html: metricsHtml(metrics), active: metrics.active };
        }, () => Promise.resolve());
    }

    showPipelineGraph(runId: string): void {
        PicturePanel.show(`graph:${runId}`, `Pipeline: ${runId}`, async () => {
            const graph = await this.execute<PipelineGraph>(ServerCommands.pipelineGraph, { runId });
            return { html: pipelineHtml(graph), active: graph.active };
        }, async action => {
            if (action.action === 'openLog' && action.uri) {
                await vscode.window.showTextDocument(vscode.Uri.parse(action.uri), { viewColumn: vscode.ViewColumn.One });
            } else if (action.action === 'debug' && action.runId && action.state === 'running') {
                await attachToRun(action.runId);
            } else if (action.action === 'debug' && action.runId) {
                // The pipeline runs again with this step under the debugger and the steps before it reused.
                const rerun = await this.execute<{ runId: string }>(ServerCommands.debugPipelineStep, { runId: action.runId });
                this.showPipelineGraph(rerun.runId);
            }
        });
    }

    showRanksTimeline(runId: string): void {
        PicturePanel.show(`ranks:${runId}`, `Ranks: ${runId}`, async () => {
            const timeline = await this.execute<RankTimeline>(ServerCommands.rankTimeline, { runId });
            return { html: timelineHtml(timeline, this.rankEvents.of(runId)), active: timeline.active };
        }, () => Promise.resolve());
    }
}
