import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { run } from './cli';

const ROOT = join(__dirname, '..', '..');

interface Row {
  file: string;
  agency?: string;
  year?: number;
  edition?: string;
  table?: string;
  row?: string;
  column?: string;
  value?: number | string | null;
  note?: string;
}

const extractJson = (args: string[], input?: string) => {
  const result = run(['extract', '--format', 'json', ...args], { cwd: ROOT, ...(input !== undefined && { input }) });
  return { ...result, rows: JSON.parse(result.stdout) as Row[] };
};

const cell = (rows: Row[], table: string, row: string, column: string) =>
  rows.filter((r) => r.table === table && r.row === row && r.column === column).map((r) => r.value);

// 2021 edition: 第二十条 一 (2 rows × 3) + 五 (1) + 六 (2) + 八 (1), 三 (25 rows × 7 columns), 四 (15 cells).
const CELLS_2021 = 6 + 1 + 2 + 1 + 25 * 7 + 15;

describe('govreport extract: every figure of every standard table, one row per cell', () => {
  it('交通与建设局 2024 (web page): all 200 cells with agency, year, edition; the figures as published', () => {
    const file = join('test', 'fixtures', 'corpus', 'pingtan-jiaojian-2024.html');
    const { status, rows } = extractJson([file]);
    assert.equal(status, 0);
    assert.equal(rows.length, CELLS_2021);
    assert.ok(rows.every((r) => r.file === file && r.agency === '平潭综合实验区交通与建设局' && r.year === 2024 && r.edition === '2021'));
    assert.deepEqual(
      ['issued', 'repealed', 'inForce'].map((c) => cell(rows, 'proactive.一', 'normative', c)[0]),
      [3, 1, 23],
    );
    assert.deepEqual(cell(rows, 'requests', 'received', 'natural'), [58]);
    assert.deepEqual(cell(rows, 'requests', 'received', 'total'), [58]);
    assert.deepEqual(cell(rows, 'requests', 'withheld.internal', 'total'), [32]);
    assert.deepEqual(cell(rows, 'requests', 'total', 'total'), [58]);
    assert.ok(rows.filter((r) => r.table === 'appeals').every((r) => r.value === 0));
  });

  it('a blank cell is null, not 0 (金井片区 2023, 结转下年度 商业企业)', () => {
    const { rows } = extractJson([join('test', 'fixtures', 'corpus', 'pingtan-jinjing-2023.html')]);
    assert.deepEqual(cell(rows, 'requests', 'carriedForward', 'business'), [null]);
    assert.deepEqual(cell(rows, 'proactive.一', 'normative', 'inForce'), [7]);
  });

  it('csv: a header and a row per cell (UTF-8 with a BOM); a file that cannot be read has its row with the reason, exit 2', () => {
    const doc = join('test', 'fixtures', 'docx', 'pingtan-shenpi-2024.doc');
    const result = run(['extract', join('test', 'fixtures', 'corpus', 'pingtan-jiaojian-2024.html'), doc], { cwd: ROOT });
    assert.equal(result.status, 2);
    const lines = result.stdout.split('\r\n').filter(Boolean);
    assert.equal(lines[0], '\uFEFFfile,agency,year,edition,table,row,column,value,table_label,row_label,column_label,note');
    assert.equal(lines.length, 1 + CELLS_2021 + 1);
    assert.ok(
      lines.includes(
        'test/fixtures/corpus/pingtan-jiaojian-2024.html,平潭综合实验区交通与建设局,2024,2021,proactive.一,normative,inForce,23,第二十条第（一）项,行政规范性文件,现行有效件数,',
      ),
    );
    assert.match(lines.at(-1)!, /^test\/fixtures\/docx\/pingtan-shenpi-2024\.doc,,,,,,,,,,,.*另存为 \.docx/);
    assert.match(result.stderr, /pingtan-shenpi-2024\.doc：未检查/);
  });

  it('reads a draft from standard input as well (-)', () => {
    const { rows } = extractJson(['-'], readFileSync(join(ROOT, 'examples', 'clean-2021.report.md'), 'utf8'));
    assert.equal(rows.length, CELLS_2021);
    assert.deepEqual(cell(rows, 'requests', 'carriedOver', 'total'), [7]);
    assert.deepEqual(cell(rows, 'proactive.八', 'fees', 'amount'), [12.5]);
  });
});
