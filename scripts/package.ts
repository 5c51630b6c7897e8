// `npm run package [-- vsce options]`: the .vsix, with the README's and CHANGELOG's images and links made absolute.
// Neither the Marketplace nor VS Code shows an image by its path inside a package (VS Code's extension page allows
// only https: and data: images), and the project has no public repository to point at. So the images and guides
// are shipped in the package (.vscodeignore) and the links point at the published package's own files, as Open VSX
// serves every file of a published extension under /vscode/unpkg/<namespace>/<name>/<version>/extension/<path>.
// Publish the same .vsix to Open VSX (`npx ovsx publish govreport-<version>.vsix`) and they resolve, on Open VSX,
// on the Marketplace page and in VS Code alike.
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

const ROOT = join(__dirname, '..');

/** Where the published package's files are served: the base of every relative image and link of the README. */
export function packageFilesUrl(manifest: { publisher: string; name: string; version: string }): string {
  return `https://open-vsx.org/vscode/unpkg/${manifest.publisher}/${manifest.name}/${manifest.version}/extension/`;
}

/** The vsce options of every package: no node_modules (the bundles are self-contained), absolute links. */
export function vsceOptions(): string[] {
  const base = packageFilesUrl(JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')));
  return ['--no-dependencies', '--allow-missing-repository', '--baseContentUrl', base, '--baseImagesUrl', base];
}

if (require.main === module) {
  const vsce = join(ROOT, 'node_modules', '@vscode', 'vsce', 'vsce');
  const result = spawnSync(process.execPath, [vsce, 'package', ...vsceOptions(), ...process.argv.slice(2)], {
    cwd: ROOT,
    stdio: 'inherit',
  });
  process.exit(result.status ?? 1);
}
