import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { CLEAN, CLI, run, tempDir } from './cli';

const hasScript = spawnSync('script', ['--version']).status === 0;

describe('progress', () => {
  it('is shown on stderr when it is a terminal and there are many files, never on stdout', {
    skip: !hasScript && 'needs script(1) for a terminal',
  }, (t) => {
    const dir = tempDir(t);
    for (let i = 0; i < 30; i++) writeFileSync(join(dir, `${String(i).padStart(2, '0')}.md`), CLEAN);
    const out = join(dir, 'out.json');
    // script(1) gives the CLI a terminal on stderr; stdout goes to a file.
    const terminal = spawnSync('script', ['-qec', `"${process.execPath}" "${CLI}" check --format json "${dir}" > "${out}"`, '/dev/null'], {
      encoding: 'utf8',
    });
    assert.equal(terminal.status, 0, terminal.stderr);
    assert.match(terminal.stdout, /检查中 \d+\/30/);
    assert.equal(JSON.parse(readFileSync(out, 'utf8')).length, 30);
  });

  it('is not shown when stderr is not a terminal', (t) => {
    const dir = tempDir(t);
    for (let i = 0; i < 30; i++) writeFileSync(join(dir, `${i}.md`), CLEAN);
    const result = run(['check', dir]);
    assert.equal(result.stderr, '');
    assert.equal(result.stdout, '✔ 共检查 30 个文件，没有发现问题\n');
  });
});
