// The "Azure ML" entries of VS Code's Run and Debug list (dynamic configurations): one per command job YAML, one per
// step of each pipeline YAML, one per deployment YAML in the workspace, and the current file. How a file is read
// (job, pipeline, deployment) follows the server's parsers. No vscode import: the entries are unit tested.

export interface LaunchEntry {
    type: 'azureml';
    request: 'launch';
    name: string;
    job?: string;
    step?: string;
    deployment?: string;
    script?: string;
}

/** A YAML file of the workspace: its path from the folder, and its text. */
export interface WorkspaceYaml {
    relative: string;
    text: string;
}

/** What a YAML file is for aml-debug: a command job, a pipeline job, a managed online deployment, or none of them. */
export type YamlKind = 'job' | 'pipeline' | 'deployment' | undefined;

/**
 * Whether a YAML document is a command job, as the server reads one (type: command, its $schema, or a command of its
 * own); a command component (a pipeline's step, with its own $schema) is not one.
 */
export function isCommandJob(text: string): boolean {
    if (/Component\.schema\.json/.test(text)) {
        return false;
    }
    if (/^type\s*:\s*(\S+)/m.test(text)) {
        return /^type\s*:\s*command\s*$/m.test(text);
    }
    return text.includes('commandJob.schema.json') || /^command\s*:/m.test(text);
}

export function yamlKind(text: string): YamlKind {
    if (/^type\s*:\s*["']?pipeline["']?\s*(#.*)?$/m.test(text)) {
        return 'pipeline';
    }
    if (isCommandJob(text)) {
        return 'job';
    }
    const untyped = !/^type\s*:/m.test(text);
    return untyped && (/OnlineDeployment\.schema\.json/.test(text) || /^code_configuration\s*:/m.test(text))
        ? 'deployment' : undefined;
}

/** A pipeline's step names: the keys right under its top-level `jobs:` (block style, as Azure ML's examples write them). */
export function pipelineSteps(text: string): string[] {
    const lines = text.split(/\r?\n/);
    const start = lines.findIndex(line => /^jobs\s*:\s*(#.*)?$/.test(line));
    if (start < 0) {
        return [];
    }
    const steps: string[] = [];
    let indent: number | undefined;
    for (const line of lines.slice(start + 1)) {
        if (/^\s*(#.*)?$/.test(line)) {
            continue;
        }
        const depth = line.length - line.trimStart().length;
        if (depth === 0) {
            break;
        }
        indent ??= depth;
        const key = depth === indent ? /^\s*["']?([^"':#]+?)["']?\s*:/.exec(line) : null;
        if (key) {
            steps.push(key[1]);
        }
    }
    return steps;
}

/** A deployment's scoring script, from the deployment YAML's folder: code_configuration's code joined with scoring_script. */
export function scoringScript(text: string): string | undefined {
    const block = /^code_configuration\s*:([\s\S]*?)(?=^\S|$(?![\s\S]))/m.exec(text)?.[1];
    const value = (key: string) => block && new RegExp(`\\b${key}\\s*:\\s*["']?([^"'\\s,}#]+)`).exec(block)?.[1];
    const script = value('scoring_script');
    if (!script) {
        return undefined;
    }
    const code = (value('code') || '.').replace(/\/+$/, '');
    return code === '.' ? script : `${code.replace(/^\.\//, '')}/${script}`;
}

/** The azureml launch configuration that debugs a file (relative to the folder): a job, a pipeline's step, a deployment. */
export function launchFor(kind: Exclude<YamlKind, undefined>, relative: string, step?: string): LaunchEntry {
    const file = '${workspaceFolder}/' + relative;
    if (kind === 'deployment') {
        return { type: 'azureml', request: 'launch', name: `Azure ML: debug deployment ${relative}`, deployment: file };
    }
    if (kind === 'pipeline' && step) {
        return { type: 'azureml', request: 'launch', name: `Azure ML: debug ${relative}, step ${step}`, job: file, step };
    }
    return { type: 'azureml', request: 'launch', name: `Azure ML: debug ${relative}`, job: file };
}

export function dynamicConfigurations(files: WorkspaceYaml[]): LaunchEntry[] {
    const entries = [...files].sort((a, b) => a.relative.localeCompare(b.relative)).flatMap(file => {
        const kind = yamlKind(file.text);
        if (kind === 'pipeline') {
            const steps = pipelineSteps(file.text);
            return steps.length === 1 ? [launchFor(kind, file.relative)] : steps.map(step => launchFor(kind, file.relative, step));
        }
        return kind ? [launchFor(kind, file.relative)] : [];
    });
    return [...entries, { type: 'azureml', request: 'launch', name: 'Azure ML: debug the current file in Docker', script: '${file}' }];
}
