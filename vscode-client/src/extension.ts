// Entry point: finds Java (javaSetup.ts), starts the server, and shows what it provides. No business logic here.
import * as vscode from 'vscode';
import { CloseAction, ErrorAction, ErrorHandler, LanguageClient, LanguageClientOptions, ServerOptions } from 'vscode-languageclient/node';
import { AzureActions } from './azure';
import { AzureLogChannels } from './azureLogs';
import { Commands, ServerCommands } from './commands';
import { DEFAULT_WORKSPACE_KEY, DEFAULT_WORKSPACE_SECTION } from './defaultWorkspace';
import { debugDeployment, sendScoringRequest } from './deployments';
import { attachToRun, AzureMlDebugAdapterFactory, AzureMlDynamicConfigurations, pickRun } from './debug';
import { debuggedRun } from './debugSessions';
import { debugLocally, fileArgument, registerEntryPoints, runLocally } from './entryPoints';
import { AllRanksEvaluation } from './evaluateOnAllRanks';
import { PauseStatus } from './pauseStatus';
import { attachesAtOnce, debugReadyMessage, needsOffer, offerLabel, RUN_MODES, sessionName } from './debugReady';
import { Palette } from './palette';
import { Pictures } from './pictures/pictures';
import { AzureLogNotification, DebugReadyNotification, DebugReadyParams, RunLogNotification, RunStatusNotification,
    TreeChangedNotification, TreeNode } from './protocol';
import { serverCommand } from './javaServerStarter';
import { resolveJava } from './javaSetup';
import { RestartPolicy } from './restartPolicy';
import { RunOutputs } from './runOutput';
import { AzureMlTree } from './tree';

let client: LanguageClient | undefined;
/** The Azure ML logs followed now: they stop before the server does. */
let azureLogs: AzureLogChannels | undefined;
/** The runs an azureml debug session is attached to now. */
const debuggedRuns = new Set<string>();

export async function activate(context: vscode.ExtensionContext): Promise<void> {
    const log = vscode.window.createOutputChannel('Azure ML server');
    context.subscriptions.push(log);
    const started = startServer(context, log);
    register(context, started, log);
    registerEntryPoints(context);
    await started;
}

async function startServer(context: vscode.ExtensionContext, log: vscode.OutputChannel): Promise<LanguageClient> {
    const java = await resolveJava(context.extensionPath, log);
    const trace = vscode.workspace.getConfiguration('azureml').get<boolean>('trace.server');
    const server = serverCommand(java.executable, { extensionPath: context.extensionPath,
        traceFile: trace ? vscode.Uri.joinPath(context.logUri, 'lsp-trace.log').fsPath : undefined });
    log.appendLine(`Starting: ${server.command} ${server.args.join(' ')}`);
    client = new LanguageClient('azureml', 'Azure ML', serverOptions(server), clientOptions(log));
    await client.start();
    return client;
}

function serverOptions(server: { command: string; args: string[] }): ServerOptions {
    return { command: server.command, args: server.args };
}

function clientOptions(log: vscode.OutputChannel): LanguageClientOptions {
    // Job, pipeline, component, deployment and environment YAML and v1 .runconfig files: the server checks them as
    // they are typed (Problems panel) and leaves other YAML alone.
    return { outputChannel: log, errorHandler: errorHandler(new RestartPolicy(), log),
        documentSelector: [{ scheme: 'file', pattern: '**/*.{yml,yaml}' }, { scheme: 'file', pattern: '**/*.runconfig' }] };
}

/** Restarts a server that stops, within the policy's limits; past them, says why it stays stopped. */
function errorHandler(policy: RestartPolicy, log: vscode.OutputChannel): ErrorHandler {
    return {
        error: () => ({ action: ErrorAction.Continue }),
        closed: () => {
            if (policy.shouldRestart()) {
                return { action: CloseAction.Restart, message: `The Azure ML server stopped; restarting it `
                    + `(restart ${policy.recentRestarts} of at most ${policy.maxRestarts} within ${policy.windowMs / 60000} minutes).` };
            }
            void vscode.window.showErrorMessage(policy.stoppedMessage, 'Show server log').then(choice => {
                if (choice) {
                    log.show();
                }
            });
            return { action: CloseAction.DoNotRestart, message: policy.stoppedMessage, handled: true };
        },
    };
}

interface Services { tree: AzureMlTree; palette: Palette; azure: AzureActions; azureLogs: AzureLogChannels; pictures: Pictures }

/** Commands are registered at once; each waits for the server, so one run during start-up still works. */
function register(context: vscode.ExtensionContext, started: Promise<LanguageClient>, log: vscode.OutputChannel): void {
    const services = started.then(languageClient => connect(context, languageClient, log));
    services.catch(e => log.appendLine(`The Azure ML server did not start: ${e instanceof Error ? e.message : e}`));
    const command = <A extends unknown[]>(id: string, run: (s: Services, ...args: A) => unknown) =>
        context.subscriptions.push(vscode.commands.registerCommand(id, async (...args: A) => {
            try {
                await run(await services, ...args);
            } catch (e) {
                vscode.window.showErrorMessage(`Azure ML: ${e instanceof Error ? e.message : String(e)}`);
            }
        }));
    command(Commands.createExperiment, s => s.palette.createExperiment());
    command(Commands.createRunConfiguration, s => s.palette.createRunConfiguration());
    // From a menu or a CodeLens these get the file's URI; from the tree, its node (then they ask for a file).
    command(Commands.submitExperiment, (s, file?: unknown) => s.azure.submit(fileArgument(file)));
    command(Commands.runExperimentLocally, (s, file?: unknown) => runWithMode(s.palette, fileArgument(file)));
    command(Commands.runLocally, (s, file?: unknown) => runLocally(s.palette, fileArgument(file)));
    command(Commands.debugLocally, (_, file?: unknown) => debugLocally(fileArgument(file)));
    command(Commands.cancelRun, (s, node?: TreeNode) => cancel(s.palette, node));
    command(Commands.debugPipelineStep, async (s, node: TreeNode) => {
        // The server reruns the pipeline, this step under the debugger; debugReady follows when it starts.
        await s.palette.execute(ServerCommands.debugPipelineStep, { runId: node.runId });
    });
    command(Commands.startDebugger, async (s, node?: TreeNode) => {
        const runId = node?.runId ?? await pickRun((id, args) => s.palette.execute(id, args));
        if (runId) {
            await attachToRun(runId);
        }
    });
    command(Commands.pickRun, s => pickRun((id, args) => s.palette.execute(id, args)));
    command(Commands.addRemoteAttachConfiguration, s => s.palette.addLaunchConfiguration('remote'));
    command(Commands.addDeploymentAttachConfiguration, s => s.palette.addLaunchConfiguration('deployment'));
    command(Commands.pruneImages, s => s.palette.pruneImages());
    command(Commands.pruneRuns, s => s.palette.pruneRuns());
    command(Commands.debugDeployment, (s, file?: vscode.Uri) => debugDeployment(s.palette, file));
    command(Commands.sendScoringRequest, (s, node?: TreeNode) => sendScoringRequest(s.palette, node));
    command(Commands.openLog, (_, node: TreeNode) => vscode.window.showTextDocument(vscode.Uri.parse(node.resourceUri!)));
    command(Commands.revealOutputs, (_, node: TreeNode) => vscode.commands.executeCommand('revealFileInOS',
        vscode.Uri.parse(node.resourceUri!)));
    command(Commands.refresh, s => s.tree.refresh());
    command(Commands.azureSignIn, s => s.azure.signIn());
    command(Commands.azureSignInTenant, (s, node?: TreeNode) => s.azure.signInToTenant(node));
    command(Commands.checkDocker, s => checkDocker(s.palette));
    command(Commands.openInStudio, (s, node: TreeNode) => s.azure.openInStudio(node));
    command(Commands.cancelJob, (s, node: TreeNode) => s.azure.cancelJob(node));
    command(Commands.followAzureLog, (s, node: TreeNode) => s.azureLogs.follow(node));
    command(Commands.attachAzureJob, (s, node: TreeNode) => s.azure.attachJob(node));
    command(Commands.addAzureJobLaunchConfiguration, (s, node: TreeNode) => s.azure.addAttachConfiguration(node));
    command(Commands.replayAzureJob, (s, node: TreeNode) => s.azure.replayJob(node));
    command(Commands.showMetrics, (s, node: TreeNode) => s.pictures.showMetrics(node.runId!));
    command(Commands.showPipelineGraph, (s, node: TreeNode) => s.pictures.showPipelineGraph(node.runId!));
    command(Commands.showRanksTimeline, (s, node: TreeNode) => s.pictures.showRanksTimeline(node.runId!));
    context.subscriptions.push(vscode.commands.registerCommand(Commands.showServerLog, () => log.show()));
    const allRanks = new AllRanksEvaluation();
    context.subscriptions.push(allRanks, new PauseStatus());
    command(Commands.evaluateOnAllRanks, () => allRanks.evaluate());
}

/** What needs the server: the tree, the output channels, the debug adapter, the notifications. */
function connect(context: vscode.ExtensionContext, languageClient: LanguageClient, log: vscode.OutputChannel): Services {
    const tree = new AzureMlTree(languageClient);
    const outputs = new RunOutputs();
    const palette = new Palette(languageClient);
    const logs = new AzureLogChannels(palette);
    azureLogs = logs;
    context.subscriptions.push(outputs, logs, vscode.window.registerTreeDataProvider('azureml.tree', tree),
        vscode.debug.registerDebugAdapterDescriptorFactory('azureml', new AzureMlDebugAdapterFactory(languageClient)),
        vscode.debug.registerDebugConfigurationProvider('azureml', new AzureMlDynamicConfigurations(),
            vscode.DebugConfigurationProviderTriggerKind.Dynamic));
    languageClient.onNotification(TreeChangedNotification, params => tree.refresh(params.nodeId));
    languageClient.onNotification(RunLogNotification, params => outputs.append(params));
    languageClient.onNotification(AzureLogNotification, params => logs.deliver(params));
    languageClient.onNotification(RunStatusNotification, () => tree.refresh());
    context.subscriptions.push(
        vscode.debug.onDidStartDebugSession(session => trackRun(session, run => debuggedRuns.add(run))),
        vscode.debug.onDidTerminateDebugSession(session => trackRun(session, run => debuggedRuns.delete(run))));
    languageClient.onNotification(DebugReadyNotification, params => {
        offerDebugger(params).catch(e =>
            vscode.window.showErrorMessage(`Azure ML: ${e instanceof Error ? e.message : String(e)}`));
    });
    const azure = new AzureActions(palette, tree);
    tree.azureRoot = children => azure.azureRoot(children);
    context.subscriptions.push(vscode.window.registerTreeDataProvider('azureml.signIn', { getChildren: () => [], getTreeItem: n => n }),
        vscode.workspace.onDidChangeConfiguration(e => {
            if (e.affectsConfiguration(`${DEFAULT_WORKSPACE_SECTION}.${DEFAULT_WORKSPACE_KEY}`)) {
                void azure.useDefaultWorkspace();
            }
        }));
    const report = (e: unknown) => log.appendLine(`Azure ML: ${e instanceof Error ? e.message : String(e)}`);
    void azure.useDefaultWorkspace().catch(report).finally(() => azure.checkSignedIn().catch(report));
    const pictures = new Pictures((id, args) => palette.execute(id, args));
    context.subscriptions.push(pictures.trackRankSessions());
    return { tree, palette, azure, azureLogs: logs, pictures };
}

/**
 * A debugpy waits for a debugger: attach at once (an Azure ML job the user asked to attach to, or the setting
 * azureml.debug.autoAttach), or offer to.
 */
async function offerDebugger(params: DebugReadyParams): Promise<void> {
    if (!needsOffer(params, debuggedRuns)) {
        return;
    }
    if (attachesAtOnce(params, vscode.workspace.getConfiguration('azureml').get<boolean>('debug.autoAttach') ?? false)) {
        await attachToRun(params.runId, sessionName(params));
        return;
    }
    const show = params.postMortem ? vscode.window.showWarningMessage : vscode.window.showInformationMessage;
    const choice = await show(debugReadyMessage(params), offerLabel(params));
    if (choice === offerLabel(params)) {
        await attachToRun(params.runId, sessionName(params));
    }
}

function trackRun(session: vscode.DebugSession, record: (runId: string) => void): void {
    const runId = debuggedRun(session.type, session.configuration);
    if (runId) {
        record(runId);
    }
}

/** "Run experiment locally": asks whether to debug (from the start, or only if it fails), and submits. */
async function runWithMode(palette: Palette, file?: vscode.Uri): Promise<void> {
    const mode = await vscode.window.showQuickPick(RUN_MODES.map(m => m.label), { placeHolder: 'Run experiment locally' });
    const flags = RUN_MODES.find(m => m.label === mode);
    if (flags) {
        await palette.submit(flags.debug, file && vscode.workspace.asRelativePath(file, false), flags.postMortem);
    }
}

/** The walkthrough's "Set up Docker": whether the engine answers; the step completes when it does. */
async function checkDocker(palette: Palette): Promise<void> {
    const docker = await palette.execute<{ version: string; apiVersion: string }>(ServerCommands.checkDocker, {});
    await vscode.commands.executeCommand('setContext', 'azureml.dockerReady', true);
    vscode.window.showInformationMessage(`Azure ML: Docker Engine ${docker.version} (API ${docker.apiVersion}) is running.`);
}

async function cancel(palette: Palette, node?: TreeNode): Promise<void> {
    const runId = node?.runId ?? await vscode.window.showInputBox({ prompt: 'Run id to cancel' });
    if (runId) {
        await palette.execute(ServerCommands.cancelRun, { runId });
    }
}

export async function deactivate(): Promise<void> {
    try {
        await azureLogs?.stopAll();
    } finally {
        await client?.stop();
    }
}
