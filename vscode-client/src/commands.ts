// Command ids: the extension's own (package.json) and the server's (docs/protocol.md).
export const Commands = {
    createExperiment: 'azureml.createExperiment',
    createRunConfiguration: 'azureml.createRunConfiguration',
    submitExperiment: 'azureml.submitExperiment',
    runExperimentLocally: 'azureml.runExperimentLocally',
    cancelRun: 'azureml.cancelRun',
    startDebugger: 'azureml.startDebugger',
    addRemoteAttachConfiguration: 'azureml.addRemoteAttachConfiguration',
    addDeploymentAttachConfiguration: 'azureml.addDeploymentAttachConfiguration',
    pruneImages: 'azureml.pruneImages',
    openLog: 'azureml.openLog',
    revealOutputs: 'azureml.revealOutputs',
    showServerLog: 'azureml.showServerLog',
    refresh: 'azureml.refresh',
} as const;

/** Commands the server executes through workspace/executeCommand. */
export const ServerCommands = {
    createExperiment: 'azureml.createExperiment',
    createRunConfiguration: 'azureml.createRunConfiguration',
    submitExperiment: 'azureml.submitExperiment',
    cancelRun: 'azureml.cancelRun',
    pruneImages: 'azureml.pruneImages',
    addLaunchConfiguration: 'azureml.addLaunchConfiguration',
} as const;
