// The "Azure ML" entries of VS Code's Run and Debug list (dynamic configurations): one per command job YAML in the
// workspace, and the current file. No vscode import: the entries are unit tested.

export interface LaunchEntry {
    type: 'azureml';
    request: 'launch';
    name: string;
    job?: string;
    script?: string;
}

/** A YAML file of the workspace: its path from the folder, and its text. */
export interface WorkspaceYaml {
    relative: string;
    text: string;
}

/** Whether a YAML document is a command job, as the server reads one (type: command, its $schema, or a command of its own). */
export function isCommandJob(text: string): boolean {
    if (/^type\s*:\s*(\S+)/m.test(text)) {
        return /^type\s*:\s*command\s*$/m.test(text);
    }
    return text.includes('commandJob.schema.json') || /^command\s*:/m.test(text);
}

export function dynamicConfigurations(files: WorkspaceYaml[]): LaunchEntry[] {
    const jobs = files.filter(file => isCommandJob(file.text))
        .sort((a, b) => a.relative.localeCompare(b.relative))
        .map(file => ({ type: 'azureml' as const, request: 'launch' as const, name: `Azure ML: debug ${file.relative}`,
            job: '${workspaceFolder}/' + file.relative }));
    return [...jobs, { type: 'azureml', request: 'launch', name: 'Azure ML: debug the current file in Docker', script: '${file}' }];
}
