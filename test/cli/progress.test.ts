import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { clockTime, Progress } from '../../server/src/cli/progress';
import { CLEAN, CLI, run, tempDir } from './cli';

/** A terminal that keeps what is written to it, and a clock the test moves. */
function fakeTerminal(columns = 100) {
  const writes: string[] = [];
  let now = 1_000_000;
  return {
    writes,
    stream: { isTTY: true, columns, write: (text: string) => writes.push(text) > 0 },
    clock: { now: () => now, advance: (ms: number) => (now += ms) },
  };
}

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

  it('draws a bar with the share done and, once the run has gone a second, the time left at the pace so far', () => {
    const { writes, stream, clock } = fakeTerminal();
    const progress = new Progress(
      200,
      (done, total) => `检查中 ${done}/${total}`,
      stream,
      (time) => `剩余约 ${time}`,
      clock.now,
    );
    progress.update(0, 'a.md');
    assert.equal(writes.at(-1), '\r\x1b[K检查中 0/200 [....................] 0%  a.md');
    clock.advance(500);
    progress.update(10, 'b.md');
    assert.equal(writes.at(-1), '\r\x1b[K检查中 10/200 [#...................] 5%  b.md', 'no estimate in the first second');
    clock.advance(29_500); // 50 files in 30 s: 150 left take 90 s
    progress.update(50, 'c.md');
    assert.equal(writes.at(-1), '\r\x1b[K检查中 50/200 [#####...............] 25%  剩余约 1:30  c.md');
    clock.advance(10);
    progress.update(51, 'd.md');
    assert.equal(writes.length, 3, 'redrawn at most every 100 ms');
    clock.advance(90_000);
    progress.update(200, 'e.md');
    assert.equal(writes.at(-1), '\r\x1b[K检查中 200/200 [####################] 100%  剩余约 0:00  e.md');
    progress.clear();
    assert.equal(writes.at(-1), '\r\x1b[K');
  });

  it('fits the line to the terminal, cutting the file name first', () => {
    const { writes, stream, clock } = fakeTerminal(40);
    const progress = new Progress(100, (done, total) => `checking ${done}/${total}`, stream, undefined, clock.now);
    progress.update(30, 'reports/2023/某某县人民政府办公室.md');
    assert.equal(writes.at(-1), '\r\x1b[Kchecking 30/100 [######..............]…');
  });

  it('stays silent for a few files or where stderr is no terminal', () => {
    const { writes, stream } = fakeTerminal();
    new Progress(5, () => 'x', stream).update(1, 'a.md');
    new Progress(500, () => 'x', { ...stream, isTTY: false }).update(1, 'a.md');
    assert.deepEqual(writes, []);
  });

  it('tells the time left as minutes and seconds, hours where it takes hours', () => {
    assert.deepEqual([clockTime(0), clockTime(42_400), clockTime(725_000), clockTime(3_729_000)], ['0:00', '0:42', '12:05', '1:02:09']);
  });
});
