// Finds the Java that runs the server: the azureml.java.home setting, then JAVA_HOME, then the PATH.
import { execFile } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';

export const MINIMUM_JAVA = 17;

export class RequirementsError extends Error {
    constructor(message: string, readonly openSetting: boolean) {
        super(message);
    }
}

export interface JavaRuntime { executable: string; version: number; source: string }

/** Candidates in order of preference: the setting, JAVA_HOME, then plain `java` from the PATH. */
export function javaCandidates(settingHome: string | undefined | null, env: NodeJS.ProcessEnv): { executable: string; source: string }[] {
    const exe = process.platform === 'win32' ? 'java.exe' : 'java';
    const candidates: { executable: string; source: string }[] = [];
    if (settingHome) {
        candidates.push({ executable: path.join(settingHome, 'bin', exe), source: 'the azureml.java.home setting' });
    }
    if (env.JAVA_HOME) {
        candidates.push({ executable: path.join(env.JAVA_HOME, 'bin', exe), source: 'JAVA_HOME' });
    }
    candidates.push({ executable: exe, source: 'the PATH' });
    return candidates;
}

/** The major version in `java -version` output: "17.0.15" -> 17, "1.8.0_392" -> 8. */
export function parseMajorVersion(versionOutput: string): number | undefined {
    const match = /version "(\d+)(?:\.(\d+))?/.exec(versionOutput);
    if (!match) {
        return undefined;
    }
    const first = Number(match[1]);
    return first === 1 && match[2] ? Number(match[2]) : first;
}

function versionOf(executable: string, env: NodeJS.ProcessEnv): Promise<number | undefined> {
    return new Promise(resolve => {
        execFile(executable, ['-version'], { env }, (error, stdout, stderr) => {
            resolve(error ? undefined : parseMajorVersion(`${stderr}${stdout}`));
        });
    });
}

export async function findJava(settingHome: string | undefined | null, env: NodeJS.ProcessEnv = process.env): Promise<JavaRuntime> {
    const problems: string[] = [];
    for (const candidate of javaCandidates(settingHome, env)) {
        if (path.isAbsolute(candidate.executable) && !fs.existsSync(candidate.executable)) {
            problems.push(`${candidate.source} points to ${candidate.executable}, which does not exist`);
            continue;
        }
        const version = await versionOf(candidate.executable, env);
        if (version === undefined) {
            problems.push(`no Java answered from ${candidate.source}`);
        } else if (version < MINIMUM_JAVA) {
            problems.push(`${candidate.source} has Java ${version}; Azure ML needs Java ${MINIMUM_JAVA} or newer`);
        } else {
            return { executable: candidate.executable, version, source: candidate.source };
        }
    }
    throw new RequirementsError(`Azure ML needs Java ${MINIMUM_JAVA} or newer to run its server: ${problems.join('; ')}.`
        + ' Set azureml.java.home to a Java 17+ folder.', true);
}
