import * as assert from 'assert';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { findJava, javaCandidates, parseMajorVersion, RequirementsError } from '../src/requirements';

function fakeJava(version: string): string {
    const home = fs.mkdtempSync(path.join(os.tmpdir(), 'fake-java-'));
    fs.mkdirSync(path.join(home, 'bin'));
    const exe = path.join(home, 'bin', 'java');
    fs.writeFileSync(exe, `#!/bin/sh\necho 'openjdk version "${version}" 2025-04-15' >&2\n`, { mode: 0o755 });
    return home;
}

describe('requirements: finding Java', () => {
    it('reads the major version of old and new version strings', () => {
        assert.strictEqual(parseMajorVersion('openjdk version "17.0.15" 2025-04-15'), 17);
        assert.strictEqual(parseMajorVersion('java version "1.8.0_392"'), 8);
        assert.strictEqual(parseMajorVersion('openjdk version "21" 2023-09-19'), 21);
        assert.strictEqual(parseMajorVersion('no version here'), undefined);
    });

    it('prefers the setting, then JAVA_HOME, then the PATH', () => {
        const candidates = javaCandidates('/opt/jdk', { JAVA_HOME: '/usr/lib/jvm/x' });
        assert.deepStrictEqual(candidates.map(c => c.source), ['the azureml.java.home setting', 'JAVA_HOME', 'the PATH']);
        assert.strictEqual(candidates[0].executable, path.join('/opt/jdk', 'bin', 'java'));
    });

    it('takes the setting when it holds Java 17 or newer', async () => {
        const java = await findJava(fakeJava('17.0.15'), {});
        assert.strictEqual(java.version, 17);
        assert.strictEqual(java.source, 'the azureml.java.home setting');
    });

    it('skips a Java that is too old and says why when none fits', async () => {
        const old = fakeJava('1.8.0_392');
        await assert.rejects(findJava(old, { JAVA_HOME: '/nonexistent/jdk', PATH: '' }), (e: Error) => {
            assert.ok(e instanceof RequirementsError);
            assert.match(e.message, /has Java 8; Azure ML needs Java 17 or newer/);
            assert.match(e.message, /JAVA_HOME points to .* which does not exist/);
            assert.match(e.message, /Set azureml\.java\.home/);
            return true;
        });
    });
});
