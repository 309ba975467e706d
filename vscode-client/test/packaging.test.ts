import * as assert from 'assert';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';

const root = path.join(__dirname, '..', '..');
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { vscePackage } = require(path.join(root, 'scripts', 'package.js')) as
    { vscePackage: (folder: string, out: string, origin?: string, target?: string) => string };

/** What scripts/package.js stages, with stand-ins for the bundle and the jar (their content is not vsce's concern). */
function stageLikePackageJs(): string {
    const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'aml-debug-stage-'));
    for (const entry of ['README.md', 'CHANGELOG.md', '.vscodeignore', 'media']) {
        fs.cpSync(path.join(root, entry), path.join(folder, entry), { recursive: true });
    }
    fs.copyFileSync(path.join(root, '..', 'LICENSE'), path.join(folder, 'LICENSE'));
    const manifest = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8')) as { scripts: Record<string, string> };
    delete manifest.scripts['vscode:prepublish'];
    fs.writeFileSync(path.join(folder, 'package.json'), JSON.stringify(manifest));
    fs.mkdirSync(path.join(folder, 'dist'));
    fs.writeFileSync(path.join(folder, 'dist', 'extension.js'), 'exports.activate = () => {};\n');
    fs.mkdirSync(path.join(folder, 'server'));
    fs.writeFileSync(path.join(folder, 'server', 'aml-debug.jar'), 'stand-in');
    return folder;
}

describe('packaging: the manifest and README as vsce sees them', function () {
    this.timeout(120000);

    it('packs with no vsce warning, README images kept inside the .vsix', () => {
        const folder = stageLikePackageJs();
        const out = path.join(folder, 'out.vsix');
        const output = vscePackage(folder, out, undefined);
        assert.ok(fs.statSync(out).size > 0);
        assert.doesNotMatch(output, /WARNING/);
        for (const image of fs.readFileSync(path.join(root, 'README.md'), 'utf8').matchAll(/!\[[^\]]*\]\(([^)]+)\)/g)) {
            assert.ok(fs.existsSync(path.join(root, image[1])), `README shows ${image[1]}, which is not in the extension`);
        }
    });

    it('fails on a vsce WARNING (here: no LICENSE)', () => {
        const folder = stageLikePackageJs();
        fs.rmSync(path.join(folder, 'LICENSE'));
        assert.throws(() => vscePackage(folder, path.join(folder, 'out.vsix'), undefined), /vsce warned[\s\S]*WARNING.*LICENSE.* not found/);
    });

    it('names no repository it does not know, and says it is not Microsoft\'s', () => {
        const manifest = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8')) as Record<string, unknown>;
        assert.strictEqual(manifest.repository, undefined);
        assert.deepStrictEqual(manifest.categories, ['Debuggers', 'Machine Learning', 'Azure']);
        assert.match(String(manifest.description), /Not affiliated with Microsoft/);
        assert.doesNotMatch(String(manifest.displayName), /^(Microsoft|Azure)/);
    });
});
