// The Java runtime a platform .vsix ships (jre/): jlink'ed from the machine's JDK with only the modules the server
// needs. Cached in target/: jdeps runs again only when the jar changed, jlink only when the module list or the JDK did.
const { execFileSync } = require('child_process');
const crypto = require('crypto');
const fs = require('fs');
const path = require('path');

// Modules jdeps cannot see, because the server reaches them as services: the elliptic curves of TLS (HTTPS to Azure).
const SERVICE_MODULES = ['jdk.crypto.ec'];
// What jdeps printed for the server jar when this was written: used only if jdeps cannot read the jar.
const CHECKED_MODULES = ['java.base', 'java.compiler', 'java.desktop', 'java.management', 'java.naming', 'java.net.http',
    'java.security.jgss', 'java.sql', 'jdk.httpserver', 'jdk.unsupported'];

function log(message) {
    console.log(`aml-debug: ${message}`);
}

/** The JDK whose jlink and jmods make the runtime: JAVA_HOME if it has jlink, else the one jlink on the PATH belongs to. */
function findJdk() {
    const fromEnv = process.env.JAVA_HOME && path.join(process.env.JAVA_HOME, 'bin', 'jlink');
    let jlink = fromEnv && fs.existsSync(fromEnv) ? fromEnv : undefined;
    if (!jlink) {
        const onPath = (process.env.PATH || '').split(path.delimiter).map(folder => path.join(folder, 'jlink')).find(fs.existsSync);
        if (!onPath) {
            throw new Error('no JDK with jlink found (JAVA_HOME or the PATH): install one (apt-get install openjdk-17-jdk-headless)');
        }
        jlink = fs.realpathSync(onPath);
    }
    const home = path.dirname(path.dirname(jlink));
    const release = fs.readFileSync(path.join(home, 'release'), 'utf8');
    const version = (/^JAVA_VERSION="([^"]+)"/m.exec(release) || [])[1];
    if (!version || Number(version.split('.')[0]) < 17) {
        throw new Error(`the JDK at ${home} is Java ${version}; the server needs 17 or newer`);
    }
    return { home, version };
}

function sha256(file) {
    return crypto.createHash('sha256').update(fs.readFileSync(file)).digest('hex');
}

function readJson(file) {
    try {
        return JSON.parse(fs.readFileSync(file, 'utf8'));
    } catch {
        return undefined;
    }
}

/** The modules the jar needs, by jdeps (cached by the jar's hash), plus the service modules. */
function modulesOf(jar, jdk, cacheDir) {
    const cacheFile = path.join(cacheDir, 'server-modules.json');
    const hash = sha256(jar);
    const cached = readJson(cacheFile);
    let modules = cached && cached.jar === hash && cached.jdk === jdk.version ? cached.modules : undefined;
    if (!modules) {
        try {
            const out = execFileSync(path.join(jdk.home, 'bin', 'jdeps'), ['--print-module-deps', '--ignore-missing-deps',
                '--multi-release', String(jdk.version.split('.')[0]), jar], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
            modules = out.trim().split('\n').pop().split(',').map(m => m.trim()).filter(Boolean);
            log(`jdeps: the server jar needs ${modules.join(',')}`);
        } catch (e) {
            modules = CHECKED_MODULES;
            log(`jdeps could not read the jar (${String(e.stderr || e.message).trim().split('\n')[0]}); using the checked list`);
        }
        fs.writeFileSync(cacheFile, JSON.stringify({ jar: hash, jdk: jdk.version, modules }, null, 2));
    }
    return [...new Set([...modules, ...SERVICE_MODULES])].sort();
}

/** The runtime folder for `target` (made or reused), and what it holds. */
function linkRuntime(target, jar, cacheDir) {
    const host = `${process.platform === 'win32' ? 'win32' : process.platform}-${process.arch}`;
    if (target !== host) {
        throw new Error(`a runtime for ${target} cannot be linked on this ${host} machine: package --target ${target} on a ${target} machine`);
    }
    fs.mkdirSync(cacheDir, { recursive: true });
    const jdk = findJdk();
    const modules = modulesOf(jar, jdk, cacheDir);
    const output = path.join(cacheDir, `jre-${target}`);
    const stampFile = path.join(cacheDir, `jre-${target}.json`);
    const stamp = { jdk: jdk.home, version: jdk.version, modules };
    if (fs.existsSync(path.join(output, 'bin', 'java')) && JSON.stringify(readJson(stampFile)) === JSON.stringify(stamp)) {
        log(`reusing the ${target} runtime in ${output} (Java ${jdk.version}: ${modules.join(',')})`);
        return { folder: output, ...stamp };
    }
    fs.rmSync(output, { recursive: true, force: true });
    fs.rmSync(stampFile, { force: true });
    log(`jlink: a ${target} runtime of Java ${jdk.version} with ${modules.join(',')}`);
    execFileSync(path.join(jdk.home, 'bin', 'jlink'), ['--add-modules', modules.join(','), '--strip-debug', '--no-header-files',
        '--no-man-pages', '--compress=2', '--output', output], { stdio: 'inherit' });
    fs.writeFileSync(stampFile, JSON.stringify(stamp, null, 2));
    return { folder: output, ...stamp };
}

/** Runs the server with the runtime as the extension will (its --help): fails the packaging if it does not start. */
function checkRuntime(javaExecutable, jar) {
    const help = execFileSync(javaExecutable, ['-XX:TieredStopAtLevel=1', '-XX:+UseSerialGC', '-jar', jar, '--help'],
        { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
    if (!/serve/.test(help)) {
        throw new Error(`the shipped runtime ran the server, but its --help does not list serve:\n${help}`);
    }
}

function folderSize(folder) {
    return fs.readdirSync(folder, { withFileTypes: true }).reduce((sum, entry) => {
        const file = path.join(folder, entry.name);
        return sum + (entry.isDirectory() ? folderSize(file) : entry.isFile() ? fs.statSync(file).size : 0);
    }, 0);
}

module.exports = { linkRuntime, checkRuntime, folderSize };
