import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';

/** VS Code for the Web loads these in a browser: no Node built-in, nothing loaded from disk at run time. */
const ROOT = join(__dirname, '..', '..');
const WEB = { client: join(ROOT, 'dist/web/client.js'), server: join(ROOT, 'dist/web/server.js') };

/** The modules a bundle still asks for when it runs: `require("x")` and `import("x")`. */
function loadsAtRunTime(file: string): string[] {
  const code = readFileSync(file, 'utf8');
  return [...code.matchAll(/\b(?:require|import)\(\s*(["'`])([^"'`]*)\1\s*\)/g)].map((m) => m[2]);
}

function bundledSources(file: string): string[] {
  return (JSON.parse(readFileSync(`${file}.map`, 'utf8')) as { sources: string[] }).sources;
}

test('the web server bundle loads nothing at run time: no Node built-in, no lazily loaded bundle', () => {
  assert.deepEqual(loadsAtRunTime(WEB.server), []);
});

test('the web client bundle loads only the vscode API', () => {
  assert.deepEqual([...new Set(loadsAtRunTime(WEB.client))], ['vscode']);
});

test('the file work, the readers of Word/PDF/web pages and the Node-only modules stay out of the web bundles', () => {
  const nodeOnly =
    /server\/src\/(cli\/|node\.ts|lsp\/files\.ts|lsp\/ruleDocs\.ts|core\/readers\/(pdf|docx|html)\.ts|core\/publish\/docx\.ts)|node_modules\/(iconv-lite|pdfjs-dist|docx|htmlparser2|fflate|vscode-languageserver\/lib\/node|vscode-languageclient\/lib\/node|vscode-jsonrpc\/lib\/node)\//;
  for (const file of Object.values(WEB)) {
    const sources = bundledSources(file);
    assert.ok(
      sources.some((s) => s.includes('server/src/shared/protocol.ts')),
      `${file} is a bundle of ours`,
    );
    assert.deepEqual(
      sources.filter((s) => nodeOnly.test(s)),
      [],
      file,
    );
  }
});

test("the manifest's browser entry is the web client bundle", () => {
  const manifest = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { browser: string };
  assert.equal(join(ROOT, manifest.browser), WEB.client);
  assert.ok(existsSync(WEB.client));
});
