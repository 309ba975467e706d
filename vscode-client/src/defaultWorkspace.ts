// The Azure ML extension's azureML.defaultWorkspaceId: our default workspace too. That extension owns the setting;
// we only read it (vscode.workspace.getConfiguration('azureML').get('defaultWorkspaceId')).
export const DEFAULT_WORKSPACE_SECTION = 'azureML';
export const DEFAULT_WORKSPACE_KEY = 'defaultWorkspaceId';

const ARM_ID = /^\/subscriptions\/[^/\s]+\/resourceGroups\/[^/\s]+\/providers\/Microsoft\.MachineLearningServices\/workspaces\/[^/\s]+$/i;

/** What the setting holds: a workspace's ARM id, none (unset or blank), or a value that is not one (with a sentence). */
export type DefaultWorkspace = { workspaceId?: string; problem?: string };

export function defaultWorkspace(value: unknown): DefaultWorkspace {
    if (typeof value !== 'string' || value.trim() === '') {
        return {};
    }
    const id = value.trim().replace(/\/+$/, '');
    return ARM_ID.test(id) ? { workspaceId: id }
        : { problem: `azureML.defaultWorkspaceId '${value}' is not a workspace id (/subscriptions/<subscription>/resourceGroups/`
            + '<group>/providers/Microsoft.MachineLearningServices/workspaces/<name>): correct it in Settings; until then no workspace is the default.' };
}
