import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';

// The client's own strings (messages, pickers, the status item) go through vscode.l10n: the English text is the key,
// l10n/bundle.l10n.<language>.json holds the Chinese, and VS Code picks the bundle of its display language.
const ROOT = join(__dirname, '..', '..');
const manifest = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8'));
const L10N = join(ROOT, manifest.l10n);
const CLIENT = join(ROOT, 'client', 'src');
const sources = readdirSync(CLIENT)
  .filter((name) => name.endsWith('.ts'))
  .map((name) => ({ name, text: readFileSync(join(CLIENT, name), 'utf8') }));
const bundle = (language: string): Record<string, string> => JSON.parse(readFileSync(join(L10N, `bundle.l10n.${language}.json`), 'utf8'));

/** The first argument of every `vscode.l10n.t(…)` call: a single-quoted literal, as the sources write them. */
const keys = new Set(sources.flatMap(({ text }) => [...text.matchAll(/l10n\.t\(\s*'((?:[^'\\]|\\.)*)'/g)].map((m) => m[1])));
const placeholders = (text: string) => [...text.matchAll(/\{\w+\}/g)].map((m) => m[0]).sort();

describe('the client speaks Chinese in a Chinese VS Code (vscode.l10n)', () => {
  it('every string the client shows has its Chinese, with the same placeholders, and the bundle holds no stale entry', () => {
    const zh = bundle('zh-cn');
    assert.ok(keys.size > 20, `${keys.size} strings`);
    for (const key of keys) {
      assert.ok(zh[key], `no Chinese for “${key}”: add it to l10n/bundle.l10n.zh-cn.json (and zh-tw)`);
      assert.deepEqual(placeholders(zh[key]), placeholders(key), key);
      assert.notEqual(zh[key], key, 'translated');
    }
    assert.deepEqual(Object.keys(zh).sort(), [...keys].sort());
  });

  it('no Chinese text is written into the client outside the bundle (a string not wrapped would stay Chinese in an English VS Code)', () => {
    for (const { name, text } of sources) {
      const code = text.replace(/\/\*[\s\S]*?\*\//g, '').replace(/\/\/.*$/gm, '');
      assert.doesNotMatch(code, /\p{Script=Han}/u, `${name}: write vscode.l10n.t('English {0}', …) and the Chinese in l10n/`);
    }
  });

  it('a Traditional Chinese VS Code gets the same Chinese (the reports and findings are in Simplified Chinese)', () => {
    assert.deepEqual(bundle('zh-tw'), bundle('zh-cn'));
  });
});
