import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, it } from 'node:test';
import { unzipSync } from 'fflate';
import { packageFilesUrl } from '../../scripts/package';
import { tempDir } from '../cli/cli';

// What the .vsix holds (package.json "files", as `vsce ls` lists it) and what the packaged README shows. Run after
// the build (npm test builds first).
const ROOT = join(__dirname, '..', '..');
const manifest = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8'));
const VSCE = join(ROOT, 'node_modules', '@vscode', 'vsce', 'vsce');
/** The packed .vsix may not grow past this: a stray source map or node_modules would take it far over. */
const MAX_VSIX_BYTES = 4 * 1024 * 1024;

function vsce(args: string[]) {
  return spawnSync(process.execPath, [VSCE, ...args], { cwd: ROOT, encoding: 'utf8' });
}

const listed = vsce(['ls', '--no-dependencies']);
const files = new Set(listed.stdout.split('\n').filter(Boolean));

function filesUnder(folder: string): string[] {
  const dir = join(ROOT, folder);
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .map((name) => join(folder, name).replaceAll('\\', '/'))
    .filter((file) => statSync(join(ROOT, file)).isFile());
}

const local = (path: string) => path.replace(/^\.\//, '');

/** Every file path a walkthrough step shows (image, markdown or svg, themed or not). */
function walkthroughMedia(): string[] {
  const paths: string[] = [];
  for (const walkthrough of manifest.contributes.walkthroughs ?? [])
    for (const step of walkthrough.steps ?? [])
      for (const key of ['image', 'markdown', 'svg']) {
        const media = step.media?.[key];
        if (typeof media === 'string') paths.push(local(media));
        else if (media) paths.push(...Object.values<string>(media).map(local));
      }
  return paths;
}

describe('the manifest as the Marketplace and Open VSX show it', () => {
  it('a PNG icon of at least 128×128, a banner, keywords and categories', () => {
    const icon = readFileSync(join(ROOT, manifest.icon));
    assert.equal(icon.subarray(1, 4).toString(), 'PNG');
    assert.ok(icon.readUInt32BE(16) >= 128 && icon.readUInt32BE(20) >= 128, 'IHDR width and height');
    assert.match(manifest.galleryBanner.color, /^#[0-9a-f]{6}$/i);
    assert.ok(manifest.keywords.includes('政府信息公开') && manifest.keywords.length <= 30);
    assert.ok(manifest.categories.length > 0);
  });

  it('virtual workspaces: limited, and what is limited is said in both languages', () => {
    const { virtualWorkspaces } = manifest.capabilities;
    assert.equal(virtualWorkspaces.supported, 'limited');
    const key = /^%(.+)%$/.exec(virtualWorkspaces.description)![1];
    for (const nls of ['package.nls.json', 'package.nls.zh-cn.json'])
      assert.match(JSON.parse(readFileSync(join(ROOT, nls), 'utf8'))[key], /UTF-8/, nls);
  });
});

describe('the .vsix holds what the extension needs and nothing else', () => {
  it('vsce ls lists the files', () => {
    assert.equal(listed.status, 0, listed.stderr);
    assert.ok(files.size > 10, listed.stdout);
  });

  it('every file the manifest names, every bundle but the CLI, the translations and the rule pages are packed', () => {
    const { contributes } = manifest;
    const needed = [
      'package.json',
      'README.md',
      'CHANGELOG.md',
      'LICENSE',
      local(manifest.main),
      ...(manifest.browser ? [local(manifest.browser).replace(/(?<!\.js)$/, '.js')] : []),
      local(manifest.icon),
      ...readdirSync(ROOT).filter((name) => /^package\.nls(\.[\w-]+)?\.json$/.test(name)),
      ...contributes.languages
        .filter((l: { configuration?: string }) => l.configuration)
        .map((l: { configuration: string }) => local(l.configuration)),
      ...contributes.grammars.map((g: { path: string }) => local(g.path)),
      ...contributes.snippets.map((s: { path: string }) => local(s.path)),
      ...contributes.jsonValidation.map((j: { url: string }) => local(j.url)),
      ...contributes['markdown.previewStyles'].map(local),
      ...walkthroughMedia(),
      ...filesUnder(local(manifest.l10n)),
      ...filesUnder('dist').filter((file) => file.endsWith('.js') && file !== local(manifest.bin.govreport)),
      ...filesUnder('docs/rules'),
    ];
    for (const file of needed) {
      assert.ok(existsSync(join(ROOT, file)), `${file} exists`);
      assert.ok(files.has(file), `${file} is packed`);
    }
    assert.ok(files.has('dist/readers/pdf.js') && files.has('dist/files.js') && files.has('dist/publish/docx.js'), 'the lazy bundles');
  });

  it('no CLI bundle, no source map, no sources, tests, fixtures, scripts or node_modules', () => {
    const unwanted = [...files].filter(
      (file) =>
        file === local(manifest.bin.govreport) ||
        file.endsWith('.map') ||
        file.endsWith('.ts') ||
        /^(node_modules|test|server|client|scripts|examples)\//.test(file) ||
        file === 'images/icon.svg',
    );
    assert.deepEqual(unwanted, []);
  });

  it('vsce package succeeds, within the size bound, and the README it packs shows images and links that resolve outside the repository', (t) => {
    const vsix = join(tempDir(t), 'govreport.vsix');
    const packed = spawnSync(process.execPath, ['--import', 'tsx', join(ROOT, 'scripts', 'package.ts'), '--out', vsix], {
      cwd: ROOT,
      encoding: 'utf8',
    });
    assert.equal(packed.status, 0, packed.stdout + packed.stderr);
    assert.doesNotMatch(packed.stdout + packed.stderr, /WARNING|ERROR/);
    const bytes = statSync(vsix).size;
    assert.ok(bytes <= MAX_VSIX_BYTES, `${bytes} bytes`);

    const entries = unzipSync(readFileSync(vsix));
    const vsixManifest = new TextDecoder().decode(entries['extension.vsixmanifest']);
    assert.match(vsixManifest, new RegExp(`<Icon>extension/${local(manifest.icon)}</Icon>`));
    for (const tag of manifest.keywords) assert.ok(vsixManifest.includes(tag), `keyword ${tag}`);

    const readme = new TextDecoder().decode(entries['extension/readme.md']);
    const base = packageFilesUrl(manifest);
    const targets = [...readme.matchAll(/\]\(([^)\s]+)\)/g)].map((m) => m[1]);
    const images = [...readme.matchAll(/!\[[^\]]*\]\(([^)\s]+)\)/g)].map((m) => m[1]);
    assert.ok(images.length >= 3, 'the screenshots');
    for (const target of targets) {
      if (target.startsWith('#')) continue;
      assert.ok(target.startsWith(base), `${target} is an address of the published package`);
      const file = `extension/${decodeURI(target.slice(base.length).replace(/#.*$/, ''))}`;
      assert.ok(entries[file], `${target}: ${file} is in the package`);
    }
    for (const image of images) assert.match(image, /^https:\/\/.*\.png$/);
    const names = Object.keys(entries).map((name) => relative('extension', name).replaceAll('\\', '/'));
    assert.ok(!names.includes('dist/cli.js'));
  });
});
