// Builds the command line that starts the aml-debug language server.
import * as path from 'path';

export interface ServerCommand { command: string; args: string[] }

export interface StarterOptions {
    /** Folder of the installed extension; the jar ships in its server/ folder. */
    extensionPath: string;
    /** Where the server writes its LSP trace, when tracing is on. */
    traceFile?: string;
    baseImage?: string;
}

export function jarPath(extensionPath: string): string {
    return path.join(extensionPath, 'server', 'aml-debug.jar');
}

export function serverCommand(javaExecutable: string, options: StarterOptions): ServerCommand {
    const args = ['-XX:TieredStopAtLevel=1', '-XX:+UseSerialGC', '-jar', jarPath(options.extensionPath), 'serve'];
    if (options.traceFile) {
        args.push('--trace-lsp', options.traceFile);
    }
    if (options.baseImage) {
        args.push('--base-image', options.baseImage);
    }
    return { command: javaExecutable, args };
}
