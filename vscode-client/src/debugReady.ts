// What the editor does when the server says a debugpy waits: pure, so that it is tested without VS Code.
import { DebugReadyParams } from './protocol';

/**
 * Whether to attach at once: always for an Azure ML job (the user asked, with "Attach debugger" or by picking the step
 * to debug when submitting its pipeline to a compute); for a local run,
 * when the setting azureml.debug.autoAttach says so. Otherwise the editor offers to.
 */
export function attachesAtOnce(params: DebugReadyParams, autoAttach: boolean): boolean {
    return params.azureJob !== undefined || autoAttach;
}

/** The offer's button: a run that failed and waits (post-mortem) is debugged where it failed. */
export function offerLabel(params: DebugReadyParams): string {
    return params.postMortem ? 'Debug the failure' : 'Start debugger';
}

/**
 * Whether the offer is news: a failed run whose debugger is attached already (it was debugged from the start) has
 * stopped in that session where it failed.
 */
export function needsOffer(params: DebugReadyParams, debuggedRunIds: ReadonlySet<string>): boolean {
    return !(params.postMortem && debuggedRunIds.has(params.runId));
}

/** The offer's text, for a run or a pipeline step. */
export function debugReadyMessage(params: DebugReadyParams): string {
    if (params.postMortem) {
        const what = params.step ? `Azure ML pipeline step ${params.step} (run ${params.runId})` : `Azure ML run ${params.runId}`;
        return `${what} failed with ${params.exception ?? 'an exception'} and waits for a debugger to inspect it.`;
    }
    if (params.azureJob && params.step) {
        return `Azure ML pipeline step ${params.step} (job ${params.azureJob}) waits for a debugger at ${params.endpoint}.`;
    }
    if (params.azureJob) {
        return `Azure ML job ${params.azureJob} waits for a debugger at ${params.endpoint}.`;
    }
    return params.step ? `Azure ML pipeline step ${params.step} (run ${params.runId}) waits for a debugger at ${params.endpoint}.`
        : `Azure ML run ${params.runId} waits for a debugger at ${params.endpoint}.`;
}

/** The debug session's name in the Run and Debug view. */
export function sessionName(params: DebugReadyParams): string {
    if (params.azureJob && params.step && params.process) {
        return `Azure ML step ${params.step} ${params.process} (${params.azureJob}, ${params.endpoint})`;
    }
    if (params.azureJob && params.step) {
        return `Azure ML step ${params.step} (${params.azureJob}, ${params.endpoint})`;
    }
    return params.azureJob ? `Azure ML job ${params.azureJob} (${params.endpoint})` : `Azure ML: ${params.runId}`;
}

/** How "Run experiment locally" can run a job: debugged from the start, debugged only if it fails, or plainly. */
export const RUN_MODES: readonly { label: string; debug: boolean; postMortem: boolean }[] = [
    { label: 'Debug', debug: true, postMortem: false },
    { label: 'Run, and debug it if it fails', debug: false, postMortem: true },
    { label: 'Run without debugging', debug: false, postMortem: false },
];
