// The folders where JDKs are usually installed, per platform, as Red Hat's Java extension looks for them.
import * as fs from 'fs';
import * as path from 'path';

/** Every folder in `parent` whose name starts with `prefix` is a candidate home, at `suffix` below it. */
export interface InstallFolder { parent: string; prefix: string; suffix: string[] }

export interface FolderContext {
    platform: NodeJS.Platform;
    env: NodeJS.ProcessEnv;
    homedir: string;
    /** The file system's root: '/' (tests give a temporary folder). */
    root?: string;
}

export function javaExecutableName(platform: NodeJS.Platform): string {
    return platform === 'win32' ? 'java.exe' : 'java';
}

export function installFolders(context: FolderContext): InstallFolder[] {
    const root = context.root ?? '/';
    const system = (...parts: string[]) => path.join(root, ...parts);
    const each = (parent: string, suffix: string[] = []): InstallFolder => ({ parent, prefix: '', suffix });
    const home = context.homedir;
    const inHome = [each(path.join(home, '.sdkman', 'candidates', 'java')), each(path.join(home, '.jdks'))];
    if (context.platform === 'darwin') {
        const contentsHome = ['Contents', 'Home'];
        return [each(system('Library', 'Java', 'JavaVirtualMachines'), contentsHome),
            each(path.join(home, 'Library', 'Java', 'JavaVirtualMachines'), contentsHome), ...inHome];
    }
    if (context.platform === 'win32') {
        const programFiles = context.env.ProgramFiles ?? context.env.PROGRAMFILES ?? 'C:\\Program Files';
        return [each(path.join(programFiles, 'Java')), each(path.join(programFiles, 'Eclipse Adoptium')),
            each(path.join(programFiles, 'Microsoft')), each(path.join(home, '.jdks'))];
    }
    return [each(system('usr', 'lib', 'jvm')), each(system('usr', 'java')), each(system('opt', 'java')),
        { parent: system('opt'), prefix: 'jdk', suffix: [] }, ...inHome];
}

/** The Java homes in those folders that hold a bin/java, each once (links such as sdkman's `current` resolved). */
export function scanInstallFolders(folders: InstallFolder[], executableName: string): string[] {
    const homes: string[] = [];
    const seen = new Set<string>();
    for (const folder of folders) {
        let names: string[];
        try {
            names = fs.readdirSync(folder.parent).filter(name => name.startsWith(folder.prefix)).sort();
        } catch {
            continue;
        }
        for (const name of names) {
            const home = path.join(folder.parent, name, ...folder.suffix);
            const executable = path.join(home, 'bin', executableName);
            let real: string;
            try {
                real = fs.realpathSync(executable);
            } catch {
                continue;
            }
            if (!seen.has(real)) {
                seen.add(real);
                homes.push(home);
            }
        }
    }
    return homes;
}
