// Finds the Java that runs the server, in Red Hat's Java extension's order: the azureml.java.home setting, Red Hat's
// java.jdt.ls.java.home, JAVA_HOME, the PATH, the usual install folders; else the runtime shipped in a platform .vsix.
import { execFile } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { installFolders, javaExecutableName, scanInstallFolders } from './javaFolders';

export const MINIMUM_JAVA = 17;
export const JDK_DOWNLOAD_URL = 'https://adoptium.net/temurin/releases/?version=17';

export class RequirementsError extends Error {
    constructor(message: string, readonly openSetting: boolean) {
        super(message);
    }
}

export interface JavaRuntime { executable: string; home: string; version: number; versionText: string; source: string }

export interface JavaSearch {
    settingHome?: string | null;
    /** Red Hat's java.jdt.ls.java.home. */
    redHatHome?: string | null;
    env: NodeJS.ProcessEnv;
    /** The installed extension's folder: a platform .vsix ships a runtime in its jre/. */
    extensionPath?: string;
    platform?: NodeJS.Platform;
    homedir?: string;
    /** The file system's root for the install folders: '/' (tests give a temporary folder). */
    root?: string;
}

export interface JavaCandidate { executable: string; source: string }

/** The runtime found, and why each one before it was passed over. */
export interface FoundJava { runtime: JavaRuntime; passedOver: string[] }

export const SHIPPED = 'the runtime shipped with the extension';

/** Setting, Red Hat's setting, JAVA_HOME, then `java` on the PATH (undefined when the PATH has none). */
export function javaCandidates(search: JavaSearch): (JavaCandidate | undefined)[] {
    const exe = javaExecutableName(search.platform ?? process.platform);
    const inHome = (home: string) => path.join(home, 'bin', exe);
    const candidates: (JavaCandidate | undefined)[] = [];
    if (search.settingHome) {
        candidates.push({ executable: inHome(search.settingHome), source: 'the azureml.java.home setting' });
    }
    if (search.redHatHome) {
        candidates.push({ executable: inHome(search.redHatHome), source: 'the java.jdt.ls.java.home setting' });
    }
    if (search.env.JAVA_HOME) {
        candidates.push({ executable: inHome(search.env.JAVA_HOME), source: 'JAVA_HOME' });
    }
    const onPath = onThePath(exe, search.env);
    candidates.push(onPath ? { executable: onPath, source: 'the PATH' } : undefined);
    return candidates;
}

function onThePath(exe: string, env: NodeJS.ProcessEnv): string | undefined {
    const folders = (env.PATH ?? env.Path ?? '').split(path.delimiter).filter(Boolean);
    return folders.map(folder => path.join(folder, exe)).find(file => isFile(file));
}

function isFile(file: string): boolean {
    try {
        return fs.statSync(file).isFile();
    } catch {
        return false;
    }
}

/** The version in `java -version` output: "17.0.15" (major 17), "1.8.0_392" (major 8). */
export function parseVersion(versionOutput: string): { major: number; text: string } | undefined {
    const match = /version "((\d+)(?:\.(\d+))?[^"]*)"/.exec(versionOutput);
    if (!match) {
        return undefined;
    }
    const first = Number(match[2]);
    return { major: first === 1 && match[3] ? Number(match[3]) : first, text: match[1] };
}

export function parseMajorVersion(versionOutput: string): number | undefined {
    return parseVersion(versionOutput)?.major;
}

function versionOf(executable: string, env: NodeJS.ProcessEnv): Promise<{ major: number; text: string } | undefined> {
    return new Promise(resolve => {
        execFile(executable, ['-version'], { env, timeout: 20000 }, (error, stdout, stderr) => {
            resolve(error ? undefined : parseVersion(`${stderr}${stdout}`));
        });
    });
}

/** The candidate's runtime if it is Java 17 or newer; otherwise why not, in `problems`. */
async function check(candidate: JavaCandidate, env: NodeJS.ProcessEnv, problems: string[]): Promise<JavaRuntime | undefined> {
    if (!isFile(candidate.executable)) {
        problems.push(`${candidate.source} points to ${candidate.executable}, which does not exist`);
        return undefined;
    }
    const version = await versionOf(candidate.executable, env);
    if (!version) {
        problems.push(`${candidate.executable} (${candidate.source}) did not answer java -version`);
        return undefined;
    }
    if (version.major < MINIMUM_JAVA) {
        problems.push(`${candidate.source} has Java ${version.major}, older than ${MINIMUM_JAVA}`);
        return undefined;
    }
    const home = path.dirname(path.dirname(fs.realpathSync(candidate.executable)));
    return { executable: candidate.executable, home, version: version.major, versionText: version.text, source: candidate.source };
}

/** The newest Java 17+ in the usual install folders. */
async function newestInstalled(search: JavaSearch, problems: string[]): Promise<JavaRuntime | undefined> {
    const platform = search.platform ?? process.platform;
    const exe = javaExecutableName(platform);
    const folders = installFolders({ platform, env: search.env, homedir: search.homedir ?? os.homedir(), root: search.root });
    const homes = scanInstallFolders(folders, exe);
    const found = await Promise.all(homes.map(home => check({ executable: path.join(home, 'bin', exe), source: home }, search.env, [])));
    const fitting = found.filter((runtime): runtime is JavaRuntime => runtime !== undefined);
    if (fitting.length === 0) {
        problems.push(`no Java ${MINIMUM_JAVA} or newer in the usual install folders (${folders.map(f => f.parent).join(', ')})`);
        return undefined;
    }
    const newest = fitting.reduce((best, runtime) => runtime.version > best.version ? runtime : best);
    return { ...newest, source: 'an install folder' };
}

export async function findJava(search: JavaSearch): Promise<FoundJava> {
    const problems: string[] = [];
    if (!search.env.JAVA_HOME) {
        problems.push('JAVA_HOME is not set');
    }
    for (const candidate of javaCandidates(search)) {
        const runtime = candidate ? await check(candidate, search.env, problems) : (problems.push('no java on the PATH'), undefined);
        if (runtime) {
            return { runtime, passedOver: problems };
        }
    }
    const installed = await newestInstalled(search, problems);
    if (installed) {
        return { runtime: installed, passedOver: problems };
    }
    if (search.extensionPath) {
        const shipped = path.join(search.extensionPath, 'jre', 'bin', javaExecutableName(search.platform ?? process.platform));
        const runtime = isFile(shipped) ? await check({ executable: shipped, source: SHIPPED }, search.env, problems) : undefined;
        if (runtime) {
            return { runtime, passedOver: problems };
        }
    }
    throw new RequirementsError(`Azure ML needs Java ${MINIMUM_JAVA} or newer to run its server and found none (${problems.join('; ')}):`
        + ' install a JDK, or set azureml.java.home to the folder of one.', true);
}

/** The output channel's line: "Using Java 17.0.15 from JAVA_HOME (/usr/lib/jvm/java-17-openjdk-amd64)", and why. */
export function describeJava(found: FoundJava): string {
    const { runtime, passedOver } = found;
    const line = `Using Java ${runtime.versionText} from ${runtime.source} (${runtime.home})`;
    if (runtime.source === SHIPPED) {
        return `${line}, since no other was found: ${passedOver.join('; ')}.`;
    }
    const skipped = passedOver.filter(problem => problem !== 'JAVA_HOME is not set');
    return skipped.length === 0 ? `${line}.` : `${line}; passed over: ${skipped.join('; ')}.`;
}
