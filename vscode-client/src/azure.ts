// Azure ML in the cloud: sign-in, the actions on job nodes, and "Submit experiment" to a compute.
// Every call goes to the server's azureml.azure.* commands (docs/protocol.md).
import * as vscode from 'vscode';
import { Commands, ServerCommands } from './commands';
import { DEFAULT_WORKSPACE_KEY, DEFAULT_WORKSPACE_SECTION, defaultWorkspace } from './defaultWorkspace';
import { Palette, workspaceRelative } from './palette';
import { AddAttachConfigurationResult, AttachJobResult, AzureSignInArguments, AzureSignInResult, AzureSubmitResult, CancelJobResult,
    ComputeTargets, PipelineStepsResult, ReplayJobResult, SignedInResult, StudioUrlResult, Tenant, TenantsResult, TreeNode } from './protocol';
import { Debugging, NOT_DEBUGGED, RemoteDebugSettings, SubmitTarget, TargetChoice, azureSubmitArguments, debugStepChoices, targetChoices } from './submitTargets';
import { SignInRequest, tenantNodeId, tenantSessions, tenantSignInNodes } from './tenantSessions';

/** The Azure provider's root node (docs/protocol.md). */
export const AZURE_ROOT_ID = 'azure';
/** Context keys: whether a sign-in to Azure works (the signed-out welcome view and the walkthrough's step follow them). */
const SIGNED_IN = 'azureml.azureSignedIn';
const SIGNED_OUT = 'azureml.azureSignedOut';

/** What the tree needs: a refresh of one node, or of all. */
export interface Refreshable { refresh(nodeId?: string): void }

export class AzureActions {
    /** The tenants whose session needs the user (VS Code's sign-in asks, one at a time): "Sign in to tenant" nodes. */
    private needSignIn: Tenant[] = [];
    /** How many times the signed-in state was set: a slow start-up check must not undo a newer answer. */
    private changes = 0;

    constructor(private readonly palette: Palette, private readonly tree: Refreshable) {}

    /**
     * At start: whether the server's credential chain signs in; if not, VS Code's Microsoft sessions, silently (a
     * reloaded window stays signed in). For the signed-out welcome view.
     */
    async checkSignedIn(): Promise<void> {
        const before = this.changes;
        const { signedIn } = await this.palette.execute<SignedInResult>(ServerCommands.azureSignedIn, {});
        // No Microsoft provider (some VS Code builds), or a token the server refuses: signed out, nothing said.
        const result = signedIn ? undefined : await this.microsoftSignIn({ silent: true }).catch(() => undefined);
        if (result) {
            this.tree.refresh(AZURE_ROOT_ID);
        }
        if (this.changes === before) {
            // Only if nothing newer (a sign-in, the tree's answer) has said otherwise while this was asked.
            await this.setSignedIn(signedIn || result !== undefined);
        }
    }

    /**
     * The Azure root's children, with a node per tenant to sign in to. They also say whether a sign-in works now (the
     * server's chain may sign in on its own, after `az login`, say): the context keys follow.
     */
    azureRoot(children: TreeNode[]): TreeNode[] {
        void this.setSignedIn(!children.some(child => child.contextValue === 'azureml.azureSignIn'));
        return [...children, ...tenantSignInNodes(this.needSignIn)];
    }

    /** The server's credential chain (az login, ...) first; if it finds no sign-in, VS Code's Microsoft account. */
    async signIn(): Promise<void> {
        let result: AzureSignInResult | undefined;
        try {
            result = await progress('Signing in to Azure', () =>
                this.palette.execute<AzureSignInResult>(ServerCommands.azureSignIn, {}));
        } catch (e) {
            // The server has dropped the earlier sign-in: signed out until the Microsoft sign-in succeeds.
            await this.setSignedIn(false);
            result = await this.signInWithMicrosoft(errorMessage(e));
        }
        await this.signedIn(result);
    }

    /** "Sign in to tenant X": VS Code's sign-in for that tenant (the node's, or one picked), then every tenant again. */
    async signInToTenant(node?: TreeNode): Promise<void> {
        const tenant = this.needSignIn.find(t => tenantNodeId(t) === node?.id)
            ?? (await vscode.window.showQuickPick(this.needSignIn.map(t => ({ label: t.displayName, description: t.defaultDomain, tenant: t })),
                { placeHolder: this.needSignIn.length ? 'Tenant to sign in to' : 'Every tenant is signed in to' }))?.tenant;
        if (tenant) {
            await this.signedIn(await this.microsoftSignIn({ signInTo: tenant.tenantId }));
        }
    }

    private async signedIn(result: AzureSignInResult | undefined): Promise<void> {
        if (result) {
            await this.setSignedIn(true);
            this.tree.refresh(AZURE_ROOT_ID);
            const more = this.needSignIn.length ? ` ${this.needSignIn.length} more tenant(s) need you to sign in: see the Azure ML view.` : '';
            vscode.window.showInformationMessage(`Azure ML: signed in as ${result.account}.${more}`);
        }
    }

    private async signInWithMicrosoft(problem: string): Promise<AzureSignInResult | undefined> {
        const choice = await vscode.window.showWarningMessage(`Azure ML: ${problem} Or sign in with your Microsoft account in VS Code.`,
            'Sign in with Microsoft');
        return choice ? this.microsoftSignIn() : undefined;
    }

    /** VS Code's Microsoft sign-in, a token per tenant, handed to the server. */
    private async microsoftSignIn(request: SignInRequest = {}): Promise<AzureSignInResult | undefined> {
        const sessions = await tenantSessions(
            (scopes, options) => Promise.resolve(vscode.authentication.getSession('microsoft', scopes, options)),
            async token => (await this.palette.execute<TenantsResult>(ServerCommands.azureTenants, { token })).tenants,
            request);
        if (!sessions) {
            return undefined;
        }
        this.needSignIn = sessions.needSignIn;
        const args: AzureSignInArguments = { tokens: sessions.tokens };
        return progress('Signing in to Azure', () => this.palette.execute<AzureSignInResult>(ServerCommands.azureSignIn, args));
    }

    /** azureML.defaultWorkspaceId, for the tree and "Submit experiment"; a value that is not a workspace id is said once. */
    async useDefaultWorkspace(): Promise<void> {
        const setting = defaultWorkspace(vscode.workspace.getConfiguration(DEFAULT_WORKSPACE_SECTION).get(DEFAULT_WORKSPACE_KEY));
        if (setting.problem) {
            vscode.window.showWarningMessage(`Azure ML: ${setting.problem}`);
        }
        await this.palette.execute(ServerCommands.azureDefaultWorkspace, { workspaceId: setting.workspaceId ?? '' });
    }

    private async setSignedIn(signedIn: boolean): Promise<void> {
        this.changes++;
        await vscode.commands.executeCommand('setContext', SIGNED_IN, signedIn);
        await vscode.commands.executeCommand('setContext', SIGNED_OUT, !signedIn);
    }

    async cancelJob(node: TreeNode): Promise<void> {
        const result = await progress(`Canceling job ${node.runId ?? node.label}`, () =>
            this.palette.execute<CancelJobResult>(ServerCommands.cancelJob, { nodeId: node.id }));
        vscode.window.showInformationMessage(`Azure ML: job ${result.jobName} is ${result.status}.`);
    }

    async openInStudio(node: TreeNode): Promise<void> {
        const { url } = await this.palette.execute<StudioUrlResult>(ServerCommands.studioUrl, { nodeId: node.id });
        await vscode.env.openExternal(vscode.Uri.parse(url));
    }

    /**
     * "Attach debugger" on a running job whose script starts debugpy as the guide shows: the server waits for
     * `ip_address:` in its log; its debugReady then starts the debugger through the bridge.
     */
    async attachJob(node: TreeNode): Promise<void> {
        const result = await progress(`Waiting for the address of job ${jobName(node)} in its log`, () =>
            this.palette.execute<AttachJobResult>(ServerCommands.attachJob, { nodeId: node.id }));
        vscode.window.setStatusBarMessage(`Azure ML: attaching to job ${result.job} at ${result.host}:${result.port}`, 5000);
    }

    /** "Add launch configuration": the guide's attach configuration, with the address from the job's log. */
    async addAttachConfiguration(node: TreeNode): Promise<void> {
        const result = await progress(`Waiting for the address of job ${jobName(node)} in its log`, () =>
            this.palette.execute<AddAttachConfigurationResult>(ServerCommands.addAttachConfiguration, { nodeId: node.id }));
        if (result.applied) {
            await vscode.window.showTextDocument(vscode.Uri.parse(result.uri));
        }
    }

    /** "Replay locally" on a failed job: run it, or debug it, in Docker; it shows in the local tree and streams. */
    async replayJob(node: TreeNode): Promise<void> {
        const mode = await vscode.window.showQuickPick(['Debug', 'Run without debugging'],
            { placeHolder: `Replay job ${jobName(node)} locally` });
        if (!mode) {
            return;
        }
        const result = await progress(`Bringing job ${jobName(node)} here (code, environment, inputs)`, () =>
            this.palette.execute<ReplayJobResult>(ServerCommands.replayJob, { nodeId: node.id, debug: mode === 'Debug' }));
        this.tree.refresh();
        vscode.window.showInformationMessage(`Azure ML: job ${jobName(node)} runs locally as run ${result.runId}.`);
    }

    /** "Submit experiment": a job file (the one given, from a menu or a CodeLens), then a target; the local one submits as before. */
    async submit(file?: vscode.Uri): Promise<void> {
        const configuration = file ? vscode.workspace.asRelativePath(file, false) : await this.palette.pickConfiguration();
        if (!configuration) {
            return;
        }
        const target = await pickTarget(() => this.palette.execute<ComputeTargets>(ServerCommands.computeTargets, {}));
        if (target?.kind === 'local') {
            await this.palette.submit(false, configuration);
        } else if (target) {
            await this.submitToCompute(configuration, target);
        }
    }

    private async submitToCompute(configuration: string, target: { compute: string; workspaceId: string }): Promise<void> {
        const config = workspaceRelative(configuration);
        const debugging = await pickDebugging(() => this.palette.execute<PipelineStepsResult>(ServerCommands.pipelineSteps, { config }));
        if (!debugging) {
            return;
        }
        const job = await progress(`Submitting ${configuration} to ${target.compute}`, () =>
            this.palette.execute<AzureSubmitResult>(ServerCommands.azureSubmit,
                azureSubmitArguments(config, target, debugging, remoteDebugSettings())));
        this.tree.refresh();
        const attaching = (debugging.job ? '; the debugger attaches to each of its processes when it starts'
            : debugging.steps.length > 0 ? `; the debugger attaches to ${debugging.steps.join(', ')} when each starts` : '')
            + (debugging.postMortem ? '; a process that fails waits for the debugger where it raised' : '');
        const choice = await vscode.window.showInformationMessage(`Azure ML: submitted job ${job.jobName} (${job.status})${attaching}.`,
            'Open in Studio');
        if (choice) {
            await vscode.env.openExternal(vscode.Uri.parse(job.studioUrl));
        }
    }
}

/** What a click on an Azure node does: sign in, or follow a log. */
export function azureClick(node: TreeNode): vscode.Command | undefined {
    switch (node.contextValue) {
        case 'azureml.azureSignIn': return { command: Commands.azureSignIn, title: 'Sign in to Azure' };
        case 'azureml.azureTenantSignIn': return { command: Commands.azureSignInTenant, title: 'Sign in to tenant', arguments: [node] };
        case 'azureml.azureLog': return { command: Commands.followAzureLog, title: 'Follow log', arguments: [node] };
        default: return undefined;
    }
}

/**
 * A pipeline's steps to debug (and whether a failing step waits for the debugger), or for a command job whether to
 * debug it; undefined when the user cancelled: nothing is submitted then.
 */
async function pickDebugging(steps: () => Promise<PipelineStepsResult>): Promise<Debugging | undefined> {
    const result = await steps();
    if (!result.pipeline) {
        const picked = await vscode.window.showQuickPick([
            { label: 'Run', debugging: NOT_DEBUGGED },
            { label: 'Run under the debugger', description: 'attach to each of its processes when it starts',
                debugging: { ...NOT_DEBUGGED, job: true } },
            { label: 'Run, and debug it if it fails', description: 'a process that raises waits where it raised',
                debugging: { ...NOT_DEBUGGED, postMortem: true } }],
        { placeHolder: 'Run the job, or debug it on the compute (the compute must be reachable from here)' });
        return picked?.debugging;
    }
    const anyFailure = { label: 'Any step that fails', description: 'post-mortem: it waits for the debugger where it raised' };
    const picked = await vscode.window.showQuickPick([...debugStepChoices(result).map(label => ({ label, description: '' })),
        anyFailure], { canPickMany: true, placeHolder: 'Steps to debug (the debugger attaches when each starts); none to just run' });
    return picked && { steps: picked.filter(item => item !== anyFailure).map(item => item.label), job: false,
        postMortem: picked.includes(anyFailure) };
}

type TargetItem = vscode.QuickPickItem & { target?: SubmitTarget };

/** Local (Docker) can be picked at once; the computes join the list when the server has listed them. */
function pickTarget(computes: () => Promise<ComputeTargets>): Promise<SubmitTarget | undefined> {
    const quickPick = vscode.window.createQuickPick<TargetItem>();
    quickPick.placeholder = 'Where to run the job';
    quickPick.items = targetChoices({ loading: true }).map(toItem);
    quickPick.busy = true;
    void computes().then(targets => targetChoices({ targets }), e => targetChoices({ problem: errorMessage(e) }))
        .then(choices => {
            quickPick.items = choices.map(toItem);
            quickPick.busy = false;
        });
    return new Promise(resolve => {
        quickPick.onDidAccept(() => {
            const target = quickPick.selectedItems[0]?.target;
            if (target) {
                resolve(target);
                quickPick.hide();
            }
        });
        quickPick.onDidHide(() => {
            resolve(undefined);
            quickPick.dispose();
        });
        quickPick.show();
    });
}

function toItem(choice: TargetChoice): TargetItem {
    return choice.separator ? { label: choice.label, kind: vscode.QuickPickItemKind.Separator }
        : { label: choice.label, description: choice.description, detail: choice.detail, target: choice.target };
}


function progress<T>(title: string, task: () => Promise<T>): Thenable<T> {
    return vscode.window.withProgress({ location: vscode.ProgressLocation.Notification, title: `Azure ML: ${title}…` }, task);
}

/** How messages name a job node: its job name, else its label. */
function jobName(node: TreeNode): string {
    return node.runId ?? node.label;
}

export function errorMessage(e: unknown): string {
    return e instanceof Error ? e.message : String(e);
}

function remoteDebugSettings(): RemoteDebugSettings {
    const settings = vscode.workspace.getConfiguration('azureml.remoteDebug');
    return { waitTimeout: settings.get<number>('waitTimeout'), installDebugpy: settings.get<boolean>('installDebugpy'),
        allowPublicAddresses: settings.get<boolean>('allowPublicAddresses') };
}
