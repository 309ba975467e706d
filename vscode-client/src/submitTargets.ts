// Where "Submit experiment" can run a job: this machine's Docker first (as before), then the computes
// of the folder's Azure ML workspace (azureml.azure.computeTargets). Plain data, no vscode import.
import { AzureSubmitArguments, ComputeTargets, PipelineStepsResult } from './protocol';

export type SubmitTarget = { kind: 'local' } | { kind: 'azure'; compute: string; workspaceId: string };

/** One line of the quick pick: a target, a separator (a heading), or a line that says why there is none. */
export interface TargetChoice { label: string; description?: string; detail?: string; separator?: boolean; target?: SubmitTarget }

export const LOCAL_TARGET: TargetChoice = { label: 'Local (Docker)', description: 'a container on this machine',
    target: { kind: 'local' } };

/** What is known of the computes: still loading, the server's answer, or why it failed. */
export type ComputeState = { loading: true } | { targets: ComputeTargets } | { problem: string };

export function targetChoices(state: ComputeState): TargetChoice[] {
    if ('loading' in state) {
        return [LOCAL_TARGET];
    }
    if ('problem' in state) {
        return [LOCAL_TARGET, heading('Azure ML'), { label: 'Azure ML computes are not available', detail: state.problem }];
    }
    const { workspace: name, isDefault, targets } = state.targets;
    const workspace = name && isDefault ? `${name} (default)` : name;
    if (!workspace) {
        return [LOCAL_TARGET, heading('Azure ML'), { label: 'No Azure ML workspace for this folder',
            detail: 'To submit to a compute, set azureML.defaultWorkspaceId, run `aml-debug azure use <workspace id>` or add .azureml/config.json.' }];
    }
    if (targets.length === 0) {
        return [LOCAL_TARGET, heading(`Azure ML workspace ${workspace}`), { label: 'No computes in this workspace',
            detail: 'Create a compute cluster or instance in Azure ML studio, then submit again.' }];
    }
    return [LOCAL_TARGET, heading(`Azure ML workspace ${workspace}`), ...targets.map(target => ({
        label: target.compute, description: target.description,
        target: { kind: 'azure', compute: target.compute, workspaceId: target.workspaceId } as const }))];
}

function heading(label: string): TargetChoice {
    return { label, separator: true };
}

/** The steps to offer for debugging: a pipeline's, none for a command job (nothing is asked then). */
export function debugStepChoices(steps: PipelineStepsResult): string[] {
    return steps.pipeline ? steps.steps : [];
}

/** The settings azureml.remoteDebug.*: how a step debugged on a compute waits and gets debugpy. */
export interface RemoteDebugSettings { waitTimeout?: number; installDebugpy?: boolean; allowPublicAddresses?: boolean }

/**
 * What to debug on the compute: a pipeline's steps (from their start), a command job (`job`: each of its processes),
 * and whether any process that raises waits for the debugger where it raised (`postMortem`).
 */
export interface Debugging { steps: readonly string[]; job: boolean; postMortem: boolean }

export const NOT_DEBUGGED: Debugging = { steps: [], job: false, postMortem: false };

/** azureml.azure.submit's arguments; debugSteps, debug, postMortem and the remote debug settings only when asked for. */
export function azureSubmitArguments(config: string, target: { compute: string; workspaceId: string },
    debugging: Debugging, settings: RemoteDebugSettings = {}): AzureSubmitArguments {
    const args: AzureSubmitArguments = { config, compute: target.compute, workspaceId: target.workspaceId };
    if (debugging.job || debugging.steps.length > 0 || debugging.postMortem) {
        if (debugging.job) {
            args.debug = true;
        }
        if (debugging.steps.length > 0) {
            args.debugSteps = [...debugging.steps];
        }
        if (debugging.postMortem) {
            args.postMortem = true;
        }
        if (settings.waitTimeout !== undefined) {
            args.waitTimeout = settings.waitTimeout;
        }
        if (settings.installDebugpy) {
            args.installDebugpy = true;
        }
        if (settings.allowPublicAddresses) {
            args.allowPublic = true;
        }
    }
    return args;
}
