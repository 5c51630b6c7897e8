import assert from 'node:assert/strict';
import { copyFileSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { run, tempDir } from './cli';

const CORPUS = join(__dirname, '..', 'fixtures', 'corpus');
const CARRY = join(__dirname, '..', 'fixtures', 'rules', 'carry-over');
const EXAMPLE_2023 = join(__dirname, '..', '..', 'examples', 'clean-2021.report.md');

interface JsonFile {
  file: string;
  findings: { rule: string; expected?: number; actual?: number | string; message: string; line?: number }[];
}

const crossYear = (files: JsonFile[]) =>
  files.flatMap((f) =>
    f.findings.filter((x) => x.rule === 'carry-over' || x.rule === 'in-force-count').map((x) => ({ file: f.file, ...x })),
  );

describe('govreport check compares each report with the same agency’s report of the year before in the run', () => {
  it('a folder with 2022 and 2023 of one agency: the 2023 carry-over that disagrees, naming the 2022 file', (t) => {
    const dir = tempDir(t);
    writeFileSync(join(dir, '2022.md'), readFileSync(join(CARRY, 'companion-2022-disagreeing.md')));
    copyFileSync(EXAMPLE_2023, join(dir, '2023.md'));
    const result = run(['check', '--format', 'json', dir]);
    assert.equal(result.status, 1, result.stderr);
    const found = crossYear(JSON.parse(result.stdout));
    assert.deepEqual(
      found.map((f) => [f.file, f.rule, f.line, f.expected, f.actual]),
      [
        [join(dir, '2023.md'), 'carry-over', 42, 5, 6],
        [join(dir, '2023.md'), 'carry-over', 42, 1, 0],
      ],
    );
    assert.ok(
      found.every((f) => f.message.includes(join(dir, '2022.md'))),
      found.map((f) => f.message).join('\n'),
    );
  });

  it('a report checked alone has nothing to compare with: no finding', () => {
    const alone = run(['check', '--format', 'json', EXAMPLE_2023]);
    assert.deepEqual(crossYear(JSON.parse(alone.stdout)), []);
  });

  it('交通与建设局 2023, 2024, 2025 web pages: only 2024’s 行政规范性文件 in force (15 + 3 − 1 = 17, not 23)', () => {
    const files = ['2023', '2024', '2025'].map((y) => join(CORPUS, `pingtan-jiaojian-${y}.html`));
    const result = run(['check', '--format', 'json', ...files]);
    assert.deepEqual(
      crossYear(JSON.parse(result.stdout)).map((f) => [f.file, f.rule, f.expected, f.actual]),
      [[files[1], 'in-force-count', 17, 23]],
    );
  });

  it('2022 twice in the run (the draft and a copy): 2023 is compared with neither, and an info note names both', (t) => {
    const dir = tempDir(t);
    writeFileSync(join(dir, '2022.md'), readFileSync(join(CARRY, 'companion-2022-disagreeing.md')));
    writeFileSync(join(dir, '2022-copy.md'), readFileSync(join(CARRY, 'companion-2022-disagreeing.md')));
    copyFileSync(EXAMPLE_2023, join(dir, '2023.md'));
    const result = run(['check', '--format', 'json', dir]);
    assert.equal(result.status, 0, 'no carry-over error is guessed');
    const found = crossYear(JSON.parse(result.stdout) as JsonFile[]);
    assert.deepEqual(
      found.map((f) => [f.file, f.rule, f.line, f.expected, (f as { severity?: string }).severity]),
      [
        [join(dir, '2023.md'), 'in-force-count', 11, undefined, 'info'],
        [join(dir, '2023.md'), 'carry-over', 42, undefined, 'info'],
      ],
    );
    assert.match(found[0].message, /同一机关2022年度的报告有 2 份（“[^”]*2022-copy\.md”、“[^”]*2022\.md”）.*未核对现行有效件数/);
    assert.match(found[1].message, /同一机关2022年度的报告有 2 份（“[^”]*2022-copy\.md”、“[^”]*2022\.md”）.*未核对上年结转申请数/);
  });
});
