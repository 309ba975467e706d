// What the server's picture commands answer (docs/protocol.md: azureml.runMetrics, azureml.pipelineGraph,
// azureml.rankTimeline). Plain data, no vscode import.

export interface MetricPoint { step: number; value: number }
export interface MetricSeries { name: string; source: string; points: MetricPoint[] }
export interface RunMetrics { runId: string; status: string; active: boolean; series: MetricSeries[] }

export interface PipelineStep {
    name: string; runId?: string; state: string; status: string; reusedFrom?: string; error?: string; logUri?: string;
}
export interface PipelineEdge { from: string; to: string; label: string }
export interface PipelineGraph {
    runId: string; status: string; active: boolean; steps: PipelineStep[]; edges: PipelineEdge[]; note?: string;
}

/** Times in ms since the epoch. The server's states: started, waiting, exited; the editor adds attached, paused, running. */
export interface RankEvent { at: number; state: string; exitCode?: number; detail?: string }
export interface RankLane { rank: number; node: number; events: RankEvent[] }
export interface RankTimeline {
    runId: string; status: string; active: boolean; startedAt?: number; endedAt?: number; now: number; ranks: RankLane[];
}
