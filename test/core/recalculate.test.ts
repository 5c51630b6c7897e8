import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import fc from 'fast-check';
import { applyEdits, check, evaluate, readSource, recalculateTotals, type Table } from '../../server/src/core';
import { generateDraft, relationInstances } from '../support/generator';

const ROOT = join(__dirname, '..', '..');
const read = (path: string) => readFileSync(join(ROOT, path), 'utf8');
const CLEAN = read('examples/clean-2021.report.md');
const ARITHMETIC = ['row-total', 'results-total', 'review-total', 'balance'];

const recalculate = (text: string) => recalculateTotals(check(text).report);
const changesOf = (text: string) => recalculate(text).changes.map((c) => `${c.place.zh}: ${c.found ?? '空'} → ${c.value}`);
const arithmeticFindings = (text: string) => check(text).findings.filter((f) => ARITHMETIC.includes(f.rule));

/** Replaces the row of a markdown table that starts with `start` (its first cells) by `row`. */
function withRow(text: string, start: string, row: string): string {
  const at = text.indexOf(start);
  assert.ok(at >= 0, start);
  return text.slice(0, at) + row + text.slice(text.indexOf('\n', at));
}

describe('重新计算合计 on real reports (figures read from the published tables)', () => {
  test('塔城地区 2020 (seed 000): the （七）总计 row disagrees with its columns in three cells; the columns decide', () => {
    // Read from the table: 商业企业 111 (予以公开 only), 其他 1 + 109 = 110, 总计 208 + 70 + 109 + 1 + 47 = 435; the
    // row as written (214 0 0 0 0 109 | 323) sums to its own total, and row 四 is blank (the balance is not known).
    const text = read('test/fixtures/seeds/000_62583aa41b8f3eed.txt');
    assert.deepEqual(changesOf(text), [
      '“（七）总计”行“商业企业”列: 0 → 111',
      '“（七）总计”行“其他”列: 109 → 110',
      '“（七）总计”行“总计”列: 323 → 435',
    ]);
    const after = applyEdits(text, recalculate(text).edits);
    assert.deepEqual(arithmeticFindings(after), []);
    assert.deepEqual(recalculate(after).changes, []);
  });

  test('平潭行政审批局 2024 (web page): 行政复议 结果维持 1 with 总计 0 becomes 总计 1 (the text confirms one review)', async () => {
    const file = '/work/shared/corpus/html/pingtan-shenpi-2024.html';
    const { text } = await readSource(readFileSync(file), file);
    assert.deepEqual(changesOf(text), ['“行政复议 · 总计”: 0 → 1']);
  });

  test('平潭金井片区 2023 (web page): row 四 has a blank 商业企业 cell, so its 总计 is left, and said why', async () => {
    const file = '/work/shared/corpus/html/pingtan-jinjing-2023.html';
    const { text } = await readSource(readFileSync(file), file);
    const { changes, left } = recalculate(text);
    assert.deepEqual(changes, []);
    assert.deepEqual(
      left.map((l) => [l.place.zh, l.reason, l.message.zh]),
      [['“四、结转下年度继续办理”行“总计”列', 'blank', '“四、结转下年度继续办理”行“商业企业”列为空，合计无从确定']],
    );
  });

  test('tables whose sums all hold are left exactly as they are (seeds, examples, the web pages)', async () => {
    const texts = [read('test/fixtures/seeds/001_f11dda0cfbad3174.txt'), read('test/fixtures/seeds/002_0dabcd11a12b22e6.txt'), CLEAN];
    for (const name of ['pingtan-jiaojian-2023', 'pingtan-jiaojian-2024', 'pingtan-caizheng-2025', 'pingtan-jinjing-2021']) {
      const file = `/work/shared/corpus/html/${name}.html`;
      texts.push((await readSource(readFileSync(file), file)).text);
    }
    for (const text of texts) assert.deepEqual(recalculate(text).edits, []);
  });
});

describe('重新计算合计 never touches a part and never overrules a sum that holds', () => {
  test('blank totals of a filled-in table are all filled in: the clean draft comes back exactly', () => {
    // Every 总计 cell of Section 三 and of Section 四 blanked: the drafter typed the parts only.
    const [from, to] = [CLEAN.indexOf('## 三、'), CLEAN.indexOf('## 四、')];
    const requests = CLEAN.slice(from, to).replace(/ \d+ \|$/gm, '  |');
    let text = CLEAN.slice(0, from) + requests + CLEAN.slice(to);
    text = withRow(text, '|  | （七）总计 |', '|  | （七）总计 |  |  |  |  |  |  |  |  |');
    text = withRow(text, '| 3 | 1 | 0 | 1 |', '| 3 | 1 | 0 | 1 |  | 1 | 0 | 1 | 0 |  | 0 | 0 | 0 | 1 |  |');
    assert.notEqual(text, CLEAN);
    const { changes, left } = recalculate(text);
    assert.deepEqual(left, []);
    assert.equal(
      applyEdits(
        text,
        changes.map((c) => c.edit),
      ),
      CLEAN,
    );
  });

  test('a mistyped part (予以公开 · 自然人 85 for 58) is not made into a total: the balance holds with the written （七）', () => {
    const text = CLEAN.replace('| （一）予以公开 |  | 58 |', '| （一）予以公开 |  | 85 |');
    const { changes, left } = recalculate(text);
    assert.deepEqual(changes, []);
    assert.deepEqual(
      left.map((l) => [l.place.zh, l.reason]),
      [
        ['“（一）予以公开”行“总计”列', 'conflict'],
        ['“（七）总计”行“自然人”列', 'conflict'],
      ],
    );
    assert.match(left[1].message.zh, /勾稽关系/);
  });

  test('a part updated with the balance (新收 and 予以公开 both one more) carries through every total above it', () => {
    let text = withRow(CLEAN, '| 一、本年新收', '| 一、本年新收政府信息公开申请数量 |  |  | 119 | 21 | 1 | 1 | 3 | 5 | 149 |');
    text = text.replace('| （一）予以公开 |  | 58 |', '| （一）予以公开 |  | 59 |');
    assert.deepEqual(changesOf(text), [
      '“一、本年新收政府信息公开申请数量”行“总计”列: 149 → 150',
      '“（一）予以公开”行“总计”列: 76 → 77',
      '“（七）总计”行“自然人”列: 118 → 119',
      '“（七）总计”行“总计”列: 149 → 150',
    ]);
    assert.deepEqual(arithmeticFindings(applyEdits(text, recalculate(text).edits)), []);
  });

  test('a total over a blank, unreadable or misplaced part is left, naming the part', () => {
    const blank = CLEAN.replace('| （一）予以公开 |  | 58 | 12 |', '| （一）予以公开 |  |  | 12 |').replace('| 76 |', '| 80 |');
    assert.deepEqual(
      recalculate(blank).left.map((l) => [l.place.zh, l.reason, l.message.zh]),
      [
        ['“（一）予以公开”行“总计”列', 'blank', '“（一）予以公开”行“自然人”列为空，合计无从确定'],
        ['“（七）总计”行“自然人”列', 'blank', '“（一）予以公开”行“自然人”列为空，合计无从确定'],
        // By its row (the written （七） figures) 149, by its column (the written row totals) 153.
        ['“（七）总计”行“总计”列', 'disagree', '按行和按列相加得数不同（149 / 153），无法确定合计'],
      ],
    );
    assert.deepEqual(recalculate(blank).changes, []);
    const text = CLEAN.replace('| （一）予以公开 |  | 58 | 12 |', '| （一）予以公开 |  | 五十八 | 12 |').replace('| 76 |', '| 80 |');
    assert.deepEqual(
      recalculate(text).left.map((l) => l.reason),
      ['unreadable', 'unreadable', 'disagree'],
    );
    // Eight figures under seven columns: which one is the 总计, and whose column each of the others is, is unknown.
    const long = withRow(
      CLEAN,
      '|  | （二）部分公开',
      '|  | （二）部分公开（区分处理的，只计这一情形，不计其他情形） |  | 9 | 2 | 0 | 0 | 0 | 1 | 1 | 13 |',
    );
    const { left, edits } = recalculate(long);
    assert.deepEqual(edits, []);
    assert.deepEqual(left[0].reason, 'total-ambiguous');
    assert.equal(left[1].message.zh, '“（二）部分公开”行的数值个数与列数不符，无法确定各数属于哪一列');
  });

  test('only the tables a range touches are recalculated (the code action in one table)', () => {
    const text = CLEAN.replace('| 3 | 1 | 0 | 1 | 5 |', '| 3 | 1 | 0 | 1 | 6 |').replace(
      '| 58 | 12 | 1 | 0 | 2 | 3 | 76 |',
      '| 58 | 12 | 1 | 0 | 2 | 3 | 77 |',
    );
    const review = text.indexOf('| 3 | 1 | 0 | 1 | 6 |');
    const { report } = check(text);
    assert.deepEqual(
      recalculateTotals(report, { start: review, end: review }).changes.map((c) => c.value),
      [5],
    );
    assert.equal(recalculateTotals(report).changes.length, 2);
  });
});

describe('重新计算合计 on generated reports', () => {
  /** The figures of every standard table, by table and row id: numbers, or '' for a blank. */
  function figures(text: string): Map<string, (number | string)[]> {
    const out = new Map<string, (number | string)[]>();
    for (const table of check(text).report.sections.flatMap((s) => s.tables)) {
      for (const row of table.rows) {
        if (row.def)
          out.set(
            `${table.def.id}/${row.def.id}`,
            row.values.map((c) => (c.value.kind === 'number' ? c.value.value : c.text)),
          );
      }
    }
    return out;
  }
  const statuses = (text: string) =>
    check(text)
      .report.sections.flatMap((s) => s.tables)
      .flatMap((t: Table) => evaluate(t).map((r) => `${t.def.id}/${r.relation.rule}/${r.context}:${r.status}`));

  const corruption = fc.array(fc.record({ pick: fc.nat(), blank: fc.boolean(), delta: fc.integer({ min: 1, max: 40 }) }), {
    minLength: 1,
    maxLength: 6,
  });

  test('totals blanked or mistyped: every change restores the true figure, parts stay, no holding sum breaks', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 2 ** 31 - 1 }), corruption, (seed, picks) => {
        const draft = generateDraft(seed, { layout: 'markdown', paragraphs: 1 });
        const isTotal = (table: string, row: number, column: number) =>
          draft.tables.some(
            (t) =>
              t.def.id === table &&
              relationInstances(t.def).some((i) => i.minus.length === 0 && i.total[0] === row && i.total[1] === column),
          );
        const totals = draft.cells.filter((c) => c.column >= 0 && c.span && isTotal(c.table.id, c.row, c.column));
        if (totals.length === 0) return;
        const chosen = new Map(picks.map((p) => [totals[p.pick % totals.length], p]));
        const edits = [...chosen].map(([cell, p]) => ({
          ...cell.span!,
          newText: p.blank ? '' : String((cell.written as { value: number }).value + p.delta),
        }));
        const text = applyEdits(draft.text, edits);
        const result = recalculate(text);
        const after = applyEdits(text, result.edits);
        const [truth, before, now] = [figures(draft.text), figures(text), figures(after)];
        for (const [key, values] of now) {
          const [table, rowId] = key.split('/');
          const def = draft.tables.find((t) => t.def.id === table)!.def;
          const row = def.rows.findIndex((r) => r.id === rowId);
          values.forEach((value, c) => {
            if (isTotal(table, row, c)) assert.ok([before.get(key)![c], truth.get(key)![c]].includes(value), `${key}[${c}] = ${value}`);
            else assert.equal(value, before.get(key)![c], `part ${key}[${c}] changed`);
          });
        }
        const held = statuses(text).filter((s) => s.endsWith(':holds'));
        const still = new Set(statuses(after));
        for (const s of held) assert.ok(still.has(s), `${s} broke`);
        assert.deepEqual(recalculate(after).changes, [], 'a second run changes nothing');
        if (picks.every((p) => p.blank)) assert.equal(after, draft.text, 'blank totals are all filled in');
      }),
      { numRuns: 60 },
    );
  });
});
