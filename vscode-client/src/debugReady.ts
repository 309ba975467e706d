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

/** The offer's text, for a run or a pipeline step. */
export function debugReadyMessage(params: DebugReadyParams): string {
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
