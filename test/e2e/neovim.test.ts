import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { copyFileSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { promisify } from 'node:util';
import { FIXTURES, findingOf, findingsOf, readDraft } from './drafts';

interface SeenDiagnostic {
  line: number;
  message: string;
  code: string;
}
interface Seen {
  diagnostics_before: SeenDiagnostic[];
  actions: { title: string; kind?: string; preferred: boolean }[];
  applied?: string;
  line_after?: string;
  diagnostics_after: SeenDiagnostic[];
  errors: string[];
}

const SERVER = process.env.GOVREPORT_E2E_SERVER ?? join(__dirname, '../../dist/server.js');
const messages = (list: { message: string }[]) => list.map((d) => d.message).sort();

test('Neovim (headless, vim.lsp.start_client) shows the diagnostics, applies the quick fix for a wrong total, and the diagnostic clears', async () => {
  const folder = mkdtempSync(join(tmpdir(), 'govreport-nvim-'));
  const draft = join(folder, 'draft-2021.md');
  copyFileSync(join(FIXTURES, 'draft-2021.md'), draft);
  const text = readDraft('draft-2021.md');
  const wrongTotal = findingOf(text, 'row-total');
  const out = join(folder, 'seen.json');

  await promisify(execFile)('nvim', ['--headless', '--clean', '-c', `luafile ${join(__dirname, 'neovim/lsp-client.lua')}`], {
    env: { ...process.env, DRAFT: draft, SERVER, RULE: wrongTotal.rule, OUT: out },
    timeout: 60_000,
  });
  const seen = JSON.parse(readFileSync(out, 'utf8')) as Seen;
  assert.deepEqual(seen.errors, []);

  assert.deepEqual(messages(seen.diagnostics_before), messages(findingsOf(text)), 'Neovim shows what the core finds');
  assert.ok(seen.diagnostics_before.some((d) => d.code === 'section-missing'));
  assert.deepEqual(
    seen.actions.filter((a) => a.preferred).map((a) => a.title),
    [wrongTotal.fixes[0].title],
    'one preferred action: the total fix',
  );
  assert.equal(seen.applied, wrongTotal.fixes[0].title);
  assert.match(seen.line_after ?? '', /（一）予以公开 \| {2}\| 20 \| 4 \| 0 \| 1 \| 1 \| 2 \| 28 \|$/);
  // The fixed total also mends the column sum it fed; the missing section is still reported.
  assert.deepEqual(
    seen.diagnostics_after.map((d) => d.code),
    ['section-missing'],
  );
});
