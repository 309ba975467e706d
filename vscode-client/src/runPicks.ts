// The runs a debugger can join, as quick-pick items: for "Start debugger" and the ${command:pickRun} variable of an
// azureml attach configuration. No vscode import: the items are unit tested.

/** A run the server says a debugger can join now (azureml.debuggableRuns). */
export interface DebuggableRun {
    runId: string;
    experiment: string;
    status: string;
    kind: string;
    endpoint: string;
}

export interface RunPick {
    label: string;
    description: string;
    detail: string;
    runId: string;
}

export function runPicks(runs: DebuggableRun[]): RunPick[] {
    return runs.map(run => ({
        label: run.runId,
        description: `${run.experiment} · ${run.kind}`,
        detail: `${run.status}, debugger at ${run.endpoint}`,
        runId: run.runId,
    }));
}

export const NO_DEBUGGABLE_RUN = 'No local run is running here: start one with "Azure ML: Run experiment locally" (with '
    + 'debugging or without: a debugger can join either), or F5 on an azureml launch configuration.';
