// The CodeLens actions where the code is: "Run locally | Debug locally | Submit" above a job or pipeline YAML's first
// line, "Debug locally" above a deployment YAML, and above def init( and def run( in its scoring script. No vscode
// import: the lenses are unit tested.
import { Commands } from './commands';
import { scoringScript, WorkspaceYaml, YamlKind, yamlKind } from './dynamicConfigurations';

/** A lens: its 0-based line, its title and command; the command gets the URI of the file, or of the deployment YAML. */
export interface Lens {
    line: number;
    title: string;
    command: string;
    target: 'file' | 'deployment';
}

const RUN = { title: 'Run locally', command: Commands.runLocally };
const DEBUG = { title: 'Debug locally', command: Commands.debugLocally };
const SUBMIT = { title: 'Submit', command: Commands.submitExperiment };

/** The lenses of a YAML file: on its first line, for a job, a pipeline or a deployment; none for other YAML. */
export function yamlLenses(text: string): Lens[] {
    const kind: YamlKind = yamlKind(text);
    const actions = kind === 'job' || kind === 'pipeline' ? [RUN, DEBUG, SUBMIT] : kind === 'deployment' ? [DEBUG] : [];
    return actions.map(action => ({ line: 0, ...action, target: 'file' }));
}

/** The lenses of a deployment's scoring script: "Debug locally" (the deployment, under the debugger) above init() and run(). */
export function scoreLenses(text: string): Lens[] {
    return text.split(/\r?\n/).flatMap((line, index) => /^(async\s+)?def\s+(init|run)\s*\(/.test(line)
        ? [{ line: index, ...DEBUG, target: 'deployment' as const }] : []);
}

/**
 * The deployment YAML (relative path) whose scoring script is `script`, among the workspace's YAML files; else the
 * deployment YAML in the script's own folder. Undefined when no deployment uses it.
 */
export function deploymentOf(script: string, files: WorkspaceYaml[]): string | undefined {
    const folder = (file: string) => file.includes('/') ? file.slice(0, file.lastIndexOf('/')) : '';
    const join = (base: string, file: string) => normalize(base ? `${base}/${file}` : file);
    const deployments = files.filter(file => yamlKind(file.text) === 'deployment');
    return deployments.find(file => {
        const scoring = scoringScript(file.text);
        return scoring !== undefined && join(folder(file.relative), scoring) === script;
    })?.relative
        ?? deployments.find(file => folder(file.relative) === folder(script))?.relative;
}

function normalize(file: string): string {
    const parts: string[] = [];
    for (const part of file.split('/')) {
        if (part === '..') {
            parts.pop();
        } else if (part !== '.' && part !== '') {
            parts.push(part);
        }
    }
    return parts.join('/');
}
