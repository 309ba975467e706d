// Packages the extension: always the universal .vsix (aml-debug-<version>.vsix: the esbuild bundle, the server jar, the
// manifest, README, CHANGELOG, LICENSE and media), and with --target PLATFORM also the platform .vsix
// (aml-debug-PLATFORM-<version>.vsix) with a jlink'ed Java runtime in jre/ for machines without Java 17.
// Each is packed by vsce from a staging folder in target/package/, so nothing is copied into the source folder. The
// staged manifest gets the repository of `git remote get-url origin` when there is one; without one, vsce is told there
// is none (--allow-missing-repository) and README links stay relative (the images are inside the .vsix, which a
// marketplace page cannot show: pack from a GitHub or GitLab clone for that). Any vsce WARNING fails this.
const { execFileSync, spawnSync } = require('child_process');
const fs = require('fs');
const path = require('path');
const { linkRuntime, checkRuntime, folderSize } = require('./runtime');

const root = path.join(__dirname, '..');
const repo = path.join(root, '..');
const jar = path.join(repo, 'server', 'target', 'aml-debug.jar');
const targetDir = path.join(root, 'target');
const SHIPPED = ['package.json', 'README.md', 'CHANGELOG.md', '.vscodeignore', 'dist', 'media'];

function fail(message) {
    console.error(`aml-debug: ${message}`);
    process.exit(1);
}

function targetArgument(argv) {
    const at = argv.indexOf('--target');
    return at >= 0 ? argv[at + 1] || fail('--target needs a platform, such as linux-x64') : undefined;
}

/** The origin's URL, or undefined when the clone has no origin (or no git). */
function originUrl() {
    try {
        return execFileSync('git', ['remote', 'get-url', 'origin'], { cwd: repo, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim()
            || undefined;
    } catch {
        return undefined;
    }
}

function stage(name, origin, runtime) {
    const folder = path.join(targetDir, 'package', name);
    fs.rmSync(folder, { recursive: true, force: true });
    fs.mkdirSync(folder, { recursive: true });
    for (const entry of SHIPPED) {
        fs.cpSync(path.join(root, entry), path.join(folder, entry), { recursive: true });
    }
    fs.copyFileSync(path.join(repo, 'LICENSE'), path.join(folder, 'LICENSE'));
    fs.mkdirSync(path.join(folder, 'server'));
    fs.copyFileSync(jar, path.join(folder, 'server', 'aml-debug.jar'));
    if (runtime) {
        fs.cpSync(runtime.folder, path.join(folder, 'jre'), { recursive: true, verbatimSymlinks: true });
    }
    const manifest = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8'));
    // The bundle is built once, before staging: the staged copy has nothing to prepublish from.
    delete manifest.scripts['vscode:prepublish'];
    if (origin) {
        manifest.repository = { type: 'git', url: origin };
    }
    fs.writeFileSync(path.join(folder, 'package.json'), JSON.stringify(manifest, null, 2) + '\n');
    return folder;
}

/**
 * vsce package in a staging folder, with the flags the repository calls for; its output is shown. A WARNING line in
 * it fails the packaging (thrown, with the lines), as does a failed vsce.
 */
function vscePackage(folder, out, origin, target) {
    const args = ['package', '--no-dependencies', '--out', out];
    if (!origin) {
        args.push('--allow-missing-repository');
    }
    if (!origin || !/github\.com|gitlab\.com/.test(origin)) {
        // Without a GitHub or GitLab repository vsce cannot make README links absolute: they stay relative.
        args.push('--no-rewrite-relative-links');
    }
    if (target) {
        args.push('--target', target);
    }
    const result = spawnSync(path.join(root, 'node_modules', '.bin', 'vsce'), args, { cwd: folder, encoding: 'utf8',
        stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, FORCE_COLOR: '0' } });
    const output = `${result.stdout}\n${result.stderr}`;
    const warnings = output.split('\n').filter(line => /\bWARNING\b/.test(line));
    if (warnings.length) {
        throw new Error(`vsce warned; fix the manifest or README:\n${warnings.join('\n')}`);
    }
    if (result.status !== 0) {
        throw new Error(`vsce package failed (exit ${result.status}):\n${output.trim()}`);
    }
    return output;
}

function mb(bytes) {
    return `${(bytes / 1048576).toFixed(1)} MB`;
}

function main() {
    const target = targetArgument(process.argv.slice(2));
    if (!fs.existsSync(jar)) {
        fail(`${jar} is missing; build it first (bash scripts/build.sh).`);
    }
    execFileSync('npm', ['run', '--silent', 'bundle'], { cwd: root, stdio: 'inherit' });
    const version = require(path.join(root, 'package.json')).version;
    const origin = originUrl();
    const universal = path.join(root, `aml-debug-${version}.vsix`);
    process.stdout.write(vscePackage(stage('universal', origin), universal, origin));
    console.log(`aml-debug: packaged ${universal} (${mb(fs.statSync(universal).size)}; the jar ${mb(fs.statSync(jar).size)})`);
    if (target) {
        const runtime = linkRuntime(target, jar, targetDir);
        const folder = stage(target, origin, runtime);
        checkRuntime(path.join(folder, 'jre', 'bin', 'java'), path.join(folder, 'server', 'aml-debug.jar'));
        const platform = path.join(root, `aml-debug-${target}-${version}.vsix`);
        process.stdout.write(vscePackage(folder, platform, origin, target));
        console.log(`aml-debug: packaged ${platform} (${mb(fs.statSync(platform).size)}; its Java ${runtime.version} runtime `
            + `${mb(folderSize(runtime.folder))} unpacked, checked: it runs the server)`);
    }
}

if (require.main === module) {
    try {
        main();
    } catch (e) {
        fail(e.message);
    }
}

module.exports = { vscePackage };
