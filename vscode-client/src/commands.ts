// Command ids: the extension's own (package.json, azureml-debug.*) and the server's (docs/protocol.md, azureml.*).
// They differ because the language client registers every command the server offers under the server's id.
export const Commands = {
    createExperiment: 'azureml-debug.createExperiment',
    createRunConfiguration: 'azureml-debug.createRunConfiguration',
    submitExperiment: 'azureml-debug.submitExperiment',
    runExperimentLocally: 'azureml-debug.runExperimentLocally',
    cancelRun: 'azureml-debug.cancelRun',
    startDebugger: 'azureml-debug.startDebugger',
    addRemoteAttachConfiguration: 'azureml-debug.addRemoteAttachConfiguration',
    addDeploymentAttachConfiguration: 'azureml-debug.addDeploymentAttachConfiguration',
    pruneImages: 'azureml-debug.pruneImages',
    pruneRuns: 'azureml-debug.pruneRuns',
    debugDeployment: 'azureml-debug.debugDeployment',
    sendScoringRequest: 'azureml-debug.sendScoringRequest',
    openLog: 'azureml-debug.openLog',
    revealOutputs: 'azureml-debug.revealOutputs',
    showServerLog: 'azureml-debug.showServerLog',
    refresh: 'azureml-debug.refresh',
    azureSignIn: 'azureml-debug.azureSignIn',
    openInStudio: 'azureml-debug.openInStudio',
    cancelJob: 'azureml-debug.cancelJob',
    followAzureLog: 'azureml-debug.followAzureLog',
} as const;

/** Commands the server executes through workspace/executeCommand. */
export const ServerCommands = {
    createExperiment: 'azureml.createExperiment',
    createRunConfiguration: 'azureml.createRunConfiguration',
    submitExperiment: 'azureml.submitExperiment',
    cancelRun: 'azureml.cancelRun',
    pruneImages: 'azureml.pruneImages',
    pruneRuns: 'azureml.pruneRuns',
    debugDeployment: 'azureml.debugDeployment',
    scoreDeployment: 'azureml.scoreDeployment',
    addLaunchConfiguration: 'azureml.addLaunchConfiguration',
    azureSignIn: 'azureml.azure.signIn',
    computeTargets: 'azureml.azure.computeTargets',
    azureSubmit: 'azureml.azure.submit',
    cancelJob: 'azureml.azure.cancelJob',
    studioUrl: 'azureml.azure.studioUrl',
    followLog: 'azureml.azure.followLog',
    stopLog: 'azureml.azure.stopLog',
} as const;
