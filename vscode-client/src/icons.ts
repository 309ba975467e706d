// The codicon of each tree node, by its contextValue (docs/protocol.md). Plain data, no vscode import:
// tree.ts turns it into a ThemeIcon, and the unit tests read it as it is.

export interface IconSpec { id: string; color?: string }

const PASSED = 'testing.iconPassed';
const FAILED = 'testing.iconFailed';
const SPINNING: IconSpec = { id: 'loading~spin' };

/** Local runs and Azure ML jobs alike, by status in lower case (Azure ML's names; the local ones are a subset). */
const STATUS: Record<string, IconSpec> = {
    running: { id: 'play-circle', color: 'debugIcon.startForeground' },
    completed: { id: 'pass', color: PASSED },
    failed: { id: 'error', color: FAILED },
    canceled: { id: 'circle-slash' },
    notresponding: { id: 'warning', color: FAILED },
    paused: { id: 'debug-pause' },
    unknown: { id: 'question' },
    queued: SPINNING, preparing: SPINNING, notstarted: SPINNING, starting: SPINNING,
    provisioning: SPINNING, finalizing: SPINNING, cancelrequested: SPINNING,
};

/** Compute states that mean the compute cannot run jobs. */
const BROKEN_COMPUTE = new Set(['failed', 'unusable', 'deleting']);

const FIXED: Record<string, IconSpec> = {
    'azureml.experiment': { id: 'beaker' },
    'azureml.log': { id: 'output' },
    'azureml.image': { id: 'package' },
    'azureml.message': { id: 'warning' },
    'azureml.brokenRun': { id: 'warning', color: FAILED },
    'azureml.outputLink': { id: 'link' },
    'azureml.more': { id: 'ellipsis' },
    'azureml.signIn': { id: 'account' },
    'azureml.deployment.healthy': { id: 'server-process', color: PASSED },
    'azureml.deployment.starting': SPINNING,
    'azureml.deployment.unhealthy': { id: 'error', color: FAILED },
    'azureml.deployment.failed': { id: 'error', color: FAILED },
    'azureml.deployment.stopped': { id: 'circle-slash' },
    'azureml.azureRoot': { id: 'cloud' },
    'azureml.azureSignIn': { id: 'account' },
    'azureml.azureTenantSignIn': { id: 'account' },
    'azureml.subscription': { id: 'azure' },
    'azureml.azureWorkspace': { id: 'azure' },
    'azureml.azureExperiments': { id: 'beaker' },
    'azureml.azureExperiment': { id: 'beaker' },
    'azureml.azureComputes': { id: 'server' },
    'azureml.azureEnvironments': { id: 'layers' },
    'azureml.azureModels': { id: 'package' },
    'azureml.azureData': { id: 'database' },
    'azureml.azureAsset': { id: 'package' },
    'azureml.azureSteps': { id: 'list-tree' },
    'azureml.steps': { id: 'list-tree' },
    'azureml.azureLogs': { id: 'files' },
    'azureml.azureLog': { id: 'output' },
    'azureml.azureOutputs': { id: 'folder' },
    'azureml.azureOutput': { id: 'file' },
};

/** The icon for a contextValue such as azureml.run.completed or azureml.azureJob.running; undefined for none. */
export function iconSpec(contextValue: string): IconSpec | undefined {
    const [, kind, state] = /^azureml\.(run|pipelineRun|pipelineStep|azureJob|azureCompute)(?:\.(.+))?$/.exec(contextValue) ?? [];
    if (kind === 'azureCompute') {
        return BROKEN_COMPUTE.has(state ?? '') ? { id: 'vm', color: FAILED } : { id: 'vm' };
    }
    if (kind) {
        return STATUS[state ?? ''];
    }
    return FIXED[contextValue];
}
