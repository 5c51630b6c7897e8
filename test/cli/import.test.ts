import assert from 'node:assert/strict';
import { readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import iconv from 'iconv-lite';
import { ARITHMETIC_RULES, parseReport } from '../../server/src/core';
import { SEEDS, run, tempDir } from './cli';

interface JsonFinding {
  rule: string;
  expected?: number;
  actual?: number | string;
}

function arithmetic(file: string): string[] {
  const [report] = JSON.parse(run(['check', '--format', 'json', file]).stdout);
  return report.findings
    .filter((f: JsonFinding) => ARITHMETIC_RULES.includes(f.rule))
    .map((f: JsonFinding) => `${f.rule} ${f.expected} ${f.actual}`)
    .sort();
}

/** Every table's value cells as written, table by table. */
function values(text: string): string[][][] {
  return parseReport(text).sections.flatMap((s) => s.tables.map((t) => t.rows.map((r) => [...r.values, ...r.extra].map((c) => c.text))));
}

describe('govreport import', () => {
  for (const seed of readdirSync(SEEDS).sort()) {
    it(`${seed}: headings marked, tables canonical, values and arithmetic findings kept`, (t) => {
      const dir = tempDir(t);
      const out = join(dir, 'draft.md');
      const input = join(SEEDS, seed);
      const result = run(['import', input, '-o', out]);
      assert.equal(result.status, 0, result.stderr);
      assert.equal(result.stdout, '');
      assert.match(result.stderr, new RegExp(`^${input} → ${out}：.*标记章节标题 \\d+ 个，转换表格 \\d+ 个\\n$`));
      const before = readFileSync(input, 'utf8');
      const after = readFileSync(out, 'utf8');
      assert.deepEqual(arithmetic(out), arithmetic(input));
      assert.deepEqual(values(after), values(before));
      const report = parseReport(after);
      assert.ok(
        report.sections.every((s) => s.heading.level === 2),
        'every section heading is a ## heading',
      );
      if (parseReport(before).title) assert.equal(report.title?.level, 1);
      assert.ok(
        report.sections.flatMap((s) => s.tables).every((table) => table.layout === 'markdown'),
        'every table a markdown table',
      );
      const [checked] = JSON.parse(run(['check', '--format', 'json', out]).stdout);
      assert.ok(!checked.findings.some((f: JsonFinding) => f.rule === 'table-not-markdown'));
    });
  }

  it('writes to stdout without -o, and reads GBK input (writing UTF-8)', (t) => {
    const dir = tempDir(t);
    const seed = readFileSync(join(SEEDS, '001_f11dda0cfbad3174.txt'), 'utf8');
    writeFileSync(join(dir, 'gbk.txt'), iconv.encode(seed, 'gbk'));
    writeFileSync(join(dir, 'utf8.txt'), seed);
    const fromGbk = run(['import', join(dir, 'gbk.txt')]);
    assert.equal(fromGbk.status, 0);
    assert.equal(fromGbk.stdout, run(['import', join(dir, 'utf8.txt')]).stdout);
    assert.match(fromGbk.stdout, /^\| 信息内容 \| 本年新制作数量 \| 本年新公开数量 \| 对外公开总数量 \|$/m);
    assert.match(fromGbk.stderr, /→ 标准输出：/);
  });

  it('refuses a directory, a device or a missing file, writing nothing', (t) => {
    const dir = tempDir(t);
    const out = join(dir, 'out.md');
    assert.deepEqual(run(['import', dir, '-o', out]).stderr, `govreport: ${dir}：是目录，不是文件\n`);
    assert.equal(run(['import', '/dev/null', '-o', out]).status, 2);
    assert.equal(run(['import', join(dir, 'none.txt'), '-o', out]).status, 2);
    assert.deepEqual(readdirSync(dir), []);
    const toDevice = run(['import', join(SEEDS, '003_add447287257bd48.txt'), '-o', '/dev/null']);
    assert.deepEqual([toDevice.status, toDevice.stderr], [2, 'govreport: /dev/null：是字符设备，不是普通文件\n']);
  });
});
