// Packages the extension as a .vsix: the esbuild bundle (dist/extension.js, built by vsce through
// vscode:prepublish) with the server jar beside it (server/aml-debug.jar). The bundle holds every
// dependency, so node_modules stays out (--no-dependencies).
const { execFileSync } = require('child_process');
const fs = require('fs');
const path = require('path');

const root = path.join(__dirname, '..');
const jar = path.join(root, '..', 'server', 'target', 'aml-debug.jar');
if (!fs.existsSync(jar)) {
    console.error(`aml-debug: ${jar} is missing; build it first (bash scripts/build.sh).`);
    process.exit(1);
}
fs.mkdirSync(path.join(root, 'server'), { recursive: true });
fs.copyFileSync(jar, path.join(root, 'server', 'aml-debug.jar'));
fs.copyFileSync(path.join(root, '..', 'LICENSE'), path.join(root, 'LICENSE'));
const version = require(path.join(root, 'package.json')).version;
const out = path.join(root, `aml-debug-${version}.vsix`);
execFileSync(path.join(root, 'node_modules', '.bin', 'vsce'), ['package', '--no-dependencies', '--allow-missing-repository', '--out', out],
    { cwd: root, stdio: 'inherit' });
console.log(`aml-debug: packaged ${out}`);
