import * as assert from 'assert';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { installFolders, scanInstallFolders } from '../src/javaFolders';
import { describeJava, findJava, javaCandidates, JavaSearch, parseMajorVersion, parseVersion, RequirementsError, SHIPPED }
    from '../src/requirements';

const scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'fake-java-'));

/** A Java home whose bin/java is a real script that answers -version as a JDK of that version does. */
function fakeJava(home: string, version: string): string {
    fs.mkdirSync(path.join(home, 'bin'), { recursive: true });
    fs.writeFileSync(path.join(home, 'bin', 'java'), `#!/bin/sh\necho 'openjdk version "${version}" 2025-04-15' >&2\n`, { mode: 0o755 });
    return home;
}

function folder(name: string): string {
    return fs.mkdtempSync(path.join(scratch, `${name}-`));
}

/** Every place findJava looks, each with a Java of its own: the setting 17, Red Hat's 18, JAVA_HOME 19, PATH 20,
 * an install folder 21, shipped 22; `without` leaves those out. No real install folder is seen (root and home are empty). */
function everywhere(without: string[] = []): JavaSearch {
    const has = (what: string) => !without.includes(what);
    const root = folder('root');
    const home = folder('home');
    const extension = folder('extension');
    if (has('folder')) {
        fakeJava(path.join(root, 'usr', 'lib', 'jvm', 'jdk-21'), '21.0.2');
    }
    if (has('shipped')) {
        fakeJava(path.join(extension, 'jre'), '22.0.1');
    }
    return { settingHome: has('setting') ? fakeJava(folder('setting'), '17.0.15') : undefined,
        redHatHome: has('redhat') ? fakeJava(folder('redhat'), '18.0.2') : undefined,
        env: { JAVA_HOME: has('JAVA_HOME') ? fakeJava(folder('java-home'), '19.0.2') : undefined,
            PATH: has('PATH') ? path.join(fakeJava(folder('path'), '20.0.2'), 'bin') : folder('empty-path') },
        extensionPath: extension, platform: 'linux', homedir: home, root };
}

describe('requirements: finding Java', () => {
    it('reads the version of old and new version strings', () => {
        assert.strictEqual(parseMajorVersion('openjdk version "17.0.15" 2025-04-15'), 17);
        assert.strictEqual(parseMajorVersion('java version "1.8.0_392"'), 8);
        assert.deepStrictEqual(parseVersion('openjdk version "21" 2023-09-19'), { major: 21, text: '21' });
        assert.deepStrictEqual(parseVersion('openjdk version "17.0.15" 2025-04-15'), { major: 17, text: '17.0.15' });
        assert.strictEqual(parseMajorVersion('no version here'), undefined);
    });

    it('looks at the setting, then Red Hat\'s setting, JAVA_HOME, the PATH, install folders, then the shipped runtime', async () => {
        const order: [string, string][] = [['setting', 'the azureml.java.home setting'], ['redhat', 'the java.jdt.ls.java.home setting'],
            ['JAVA_HOME', 'JAVA_HOME'], ['PATH', 'the PATH'], ['folder', 'an install folder'], ['shipped', SHIPPED]];
        for (let i = 0; i < order.length; i++) {
            const { runtime } = await findJava(everywhere(order.slice(0, i).map(([what]) => what)));
            assert.strictEqual(runtime.source, order[i][1]);
            assert.strictEqual(runtime.version, 17 + i);
        }
        const candidates = javaCandidates(everywhere());
        assert.deepStrictEqual(candidates.map(c => c?.source), order.slice(0, 4).map(([, source]) => source));
    });

    it('passes over a Java that is too old or missing and says so in the output line', async () => {
        const search = everywhere(['setting', 'redhat']);
        search.env.JAVA_HOME = fakeJava(folder('old'), '1.8.0_392');
        const found = await findJava(search);
        assert.strictEqual(found.runtime.source, 'the PATH');
        assert.strictEqual(describeJava(found),
            `Using Java 20.0.2 from the PATH (${fs.realpathSync(path.dirname(search.env.PATH!))}); passed over: JAVA_HOME has Java 8, older than 17.`);
        search.env.JAVA_HOME = '/nonexistent/jdk';
        assert.match(describeJava(await findJava(search)), /passed over: JAVA_HOME points to \/nonexistent\/jdk\/bin\/java, which does not exist\.$/);
    });

    it('says why it uses the shipped runtime', async () => {
        const found = await findJava(everywhere(['setting', 'redhat', 'JAVA_HOME', 'PATH', 'folder']));
        const line = describeJava(found);
        assert.match(line, /^Using Java 22\.0\.1 from the runtime shipped with the extension \(.*\/jre\), since no other was found: /);
        assert.match(line, /JAVA_HOME is not set; no java on the PATH; no Java 17 or newer in the usual install folders \(.*usr\/lib\/jvm/);
    });

    it('without any Java, fails with what it looked at and what to do', async () => {
        const search = everywhere(['setting', 'redhat', 'JAVA_HOME', 'PATH', 'folder', 'shipped']);
        search.settingHome = fakeJava(folder('old'), '11.0.2');
        await assert.rejects(findJava(search), (e: Error) => {
            assert.ok(e instanceof RequirementsError);
            assert.match(e.message, /^Azure ML needs Java 17 or newer to run its server and found none \(/);
            assert.match(e.message, /the azureml\.java\.home setting has Java 11, older than 17/);
            assert.match(e.message, /install a JDK, or set azureml\.java\.home to the folder of one\.$/);
            return true;
        });
    });
});

describe('requirements: the usual install folders', () => {
    it('scans every Linux folder and takes the newest Java 17+ of them', async () => {
        const root = folder('root');
        const home = folder('home');
        fakeJava(path.join(root, 'usr', 'lib', 'jvm', 'java-11-openjdk'), '11.0.22');
        fakeJava(path.join(root, 'usr', 'java', 'jdk-17'), '17.0.9');
        fakeJava(path.join(root, 'opt', 'java', 'zulu-19'), '19.0.1');
        fakeJava(path.join(root, 'opt', 'jdk-21.0.2'), '21.0.2');
        fakeJava(path.join(home, '.sdkman', 'candidates', 'java', '18.0.2-tem'), '18.0.2');
        fs.symlinkSync(path.join(home, '.sdkman', 'candidates', 'java', '18.0.2-tem'), path.join(home, '.sdkman', 'candidates', 'java', 'current'));
        fakeJava(path.join(home, '.jdks', 'corretto-20'), '20.0.2');
        fs.mkdirSync(path.join(root, 'opt', 'jdkfoo'));          // no bin/java: not a home
        fakeJava(path.join(root, 'opt', 'other'), '25');          // /opt/* is not scanned, only /opt/jdk*
        const folders = installFolders({ platform: 'linux', env: {}, homedir: home, root });
        assert.deepStrictEqual(scanInstallFolders(folders, 'java'), [path.join(root, 'usr/lib/jvm/java-11-openjdk'),
            path.join(root, 'usr/java/jdk-17'), path.join(root, 'opt/java/zulu-19'), path.join(root, 'opt/jdk-21.0.2'),
            path.join(home, '.sdkman/candidates/java/18.0.2-tem'), path.join(home, '.jdks/corretto-20')]);
        const { runtime } = await findJava({ env: { PATH: '' }, platform: 'linux', homedir: home, root });
        assert.strictEqual(runtime.source, 'an install folder');
        assert.strictEqual(runtime.versionText, '21.0.2');
        assert.strictEqual(runtime.home, path.join(root, 'opt', 'jdk-21.0.2'));
    });

    it('looks in Contents/Home on macOS', async () => {
        const root = folder('root');
        const home = folder('home');
        fakeJava(path.join(root, 'Library', 'Java', 'JavaVirtualMachines', 'temurin-17.jdk', 'Contents', 'Home'), '17.0.10');
        fakeJava(path.join(home, 'Library', 'Java', 'JavaVirtualMachines', 'corretto-21.jdk', 'Contents', 'Home'), '21.0.1');
        const homes = scanInstallFolders(installFolders({ platform: 'darwin', env: {}, homedir: home, root }), 'java');
        assert.deepStrictEqual(homes, [
            path.join(root, 'Library', 'Java', 'JavaVirtualMachines', 'temurin-17.jdk', 'Contents', 'Home'),
            path.join(home, 'Library', 'Java', 'JavaVirtualMachines', 'corretto-21.jdk', 'Contents', 'Home')]);
        const { runtime } = await findJava({ env: { PATH: '' }, platform: 'darwin', homedir: home, root });
        assert.strictEqual(runtime.versionText, '21.0.1');
    });

    it('looks in Program Files on Windows', () => {
        const folders = installFolders({ platform: 'win32', env: { ProgramFiles: 'D:\\Programs' }, homedir: 'C:\\Users\\me' });
        assert.deepStrictEqual(folders.map(f => f.parent), [path.join('D:\\Programs', 'Java'),
            path.join('D:\\Programs', 'Eclipse Adoptium'), path.join('D:\\Programs', 'Microsoft'), path.join('C:\\Users\\me', '.jdks')]);
    });
});
