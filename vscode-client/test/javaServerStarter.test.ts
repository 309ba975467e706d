import * as assert from 'assert';
import * as path from 'path';
import { jarPath, serverCommand } from '../src/javaServerStarter';

describe('javaServerStarter: the server command line', () => {
    it('runs the jar shipped in the extension with serve', () => {
        const command = serverCommand('/jdk/bin/java', { extensionPath: '/ext' });
        assert.strictEqual(command.command, '/jdk/bin/java');
        assert.deepStrictEqual(command.args.slice(-3), ['-jar', path.join('/ext', 'server', 'aml-debug.jar'), 'serve']);
    });

    it('adds the trace file and base image when given', () => {
        const command = serverCommand('java', { extensionPath: '/ext', traceFile: '/tmp/t.log', baseImage: 'img:1' });
        assert.deepStrictEqual(command.args.slice(-4), ['--trace-lsp', '/tmp/t.log', '--base-image', 'img:1']);
        assert.strictEqual(jarPath('/ext'), path.join('/ext', 'server', 'aml-debug.jar'));
    });
});
