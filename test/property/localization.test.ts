/**
 * Error localization (rules.md, “Which cell is wrong”): a mistyped figure is found where it is, and `fix` restores
 * it only where the table's sums point at it alone; no correct figure is ever changed. Generated clean drafts and
 * real clean tables get typos as people make them: a digit changed, added or dropped, two neighbours swapped.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { ARITHMETIC_RULES, applyEdits, type Cell, check, type Finding, fixAll, renderReport } from '../../server/src/core';
import { SEEDS_DIR } from '../support/fuzz';
import { type CellRecord, type Draft, generateDraft } from '../support/generator';

/** Every way of mistyping a count: one digit changed, added or dropped, or two neighbouring digits swapped. */
function typosOf(value: number): string[] {
  const s = String(value);
  const out = new Set<string>();
  for (let i = 0; i < s.length; i++) for (const d of '0123456789') out.add(s.slice(0, i) + d + s.slice(i + 1));
  for (let i = 0; i <= s.length; i++) for (const d of '0123456789') out.add(s.slice(0, i) + d + s.slice(i));
  if (s.length > 1) for (let i = 0; i < s.length; i++) out.add(s.slice(0, i) + s.slice(i + 1));
  for (let i = 0; i + 1 < s.length; i++) out.add(s.slice(0, i) + s[i + 1] + s[i] + s.slice(i + 2));
  return [...out].filter((t) => t !== s && !/^0\d/.test(t));
}

interface Typo {
  span: { start: number; end: number };
  written: string;
}

function withTypos(text: string, typos: Typo[]): string {
  return applyEdits(
    text,
    typos.map((t) => ({ ...t.span, newText: t.written })),
  );
}

/** Where a mistyped cell lies in the mistyped text. */
function typoSpan(typos: Typo[], typo: Typo): { start: number; end: number } {
  const shift = typos.filter((t) => t.span.start < typo.span.start).reduce((d, t) => d + t.written.length - (t.span.end - t.span.start), 0);
  return { start: typo.span.start + shift, end: typo.span.start + shift + typo.written.length };
}

const arithmetic = (text: string): Finding[] => check(text).findings.filter((f) => ARITHMETIC_RULES.includes(f.rule));

/** Clean canonical drafts of both editions (every relation holds), with Section 三 and 四 figures of every size. */
const DRAFTS: Draft[] = Array.from({ length: 24 }, (_, i) =>
  generateDraft(5000 + i, { layout: 'markdown', year: 2019 + (i % 7), paragraphs: 0 }),
);
const figures = (draft: Draft, section: string): CellRecord[] =>
  draft.cells.filter((c) => c.table.section === section && c.column >= 0 && c.written.kind === 'number');
const figureOf = (rec: CellRecord) => (rec.written as { value: number }).value;

/** Picks a draft, `count` distinct figures of one section and a typo of each. */
function typoCase(section: string, count: number) {
  return fc
    .record({
      draft: fc.nat(DRAFTS.length - 1),
      cells: fc.array(fc.nat(), { minLength: count, maxLength: count }),
      typos: fc.array(fc.nat(), { minLength: count, maxLength: count }),
    })
    .map(({ draft, cells, typos }) => {
      const d = DRAFTS[draft];
      const pool = figures(d, section);
      const chosen: CellRecord[] = [];
      for (const n of cells) {
        let i = n % pool.length;
        while (chosen.includes(pool[i])) i = (i + 1) % pool.length;
        chosen.push(pool[i]);
      }
      const made = chosen.map((rec, i) => {
        const options = typosOf(figureOf(rec));
        return { span: rec.span!, written: options[typos[i] % options.length] };
      });
      return { draft: d, typos: made };
    });
}

const RUNS = { single: 1000, pair: 1000, appeals: 500 };
const tally: Record<string, number> = {};
const count = (what: string) => (tally[what] = (tally[what] ?? 0) + 1);

describe('error localization on generated clean drafts with typos (fast-check, seeded)', () => {
  it(`Section 三, one typo (${RUNS.single} cases): every finding sits on the mistyped cell, and fixAll restores the draft`, () => {
    fc.assert(
      fc.property(typoCase('requests', 1), ({ draft, typos }) => {
        const text = withTypos(draft.text, typos);
        const findings = arithmetic(text);
        const at = typoSpan(typos, typos[0]);
        assert.ok(findings.length > 0, 'the typo is found');
        for (const f of findings) {
          assert.deepEqual(f.span, at, `${f.rule} on the mistyped cell: ${f.message}`);
          assert.equal(f.suspects?.length, 1, 'one explanation');
          assert.ok(f.fixes.length, 'a fix');
        }
        assert.equal(fixAll(text).text, draft.text);
        count('single: located and restored');
      }),
      { numRuns: RUNS.single, seed: 13001 },
    );
  });

  it(`Section 三, two typos (${RUNS.pair} cases): fixed only where one explanation is smallest, else left alone and reported`, () => {
    fc.assert(
      fc.property(typoCase('requests', 2), ({ draft, typos }) => {
        const text = withTypos(draft.text, typos);
        const findings = arithmetic(text);
        assert.ok(findings.length > 0, 'the typos are found');
        const fixed = fixAll(text).text;
        if (findings.some((f) => f.fixes.length)) {
          assert.equal(fixed, draft.text, 'a fix restores every figure as it was');
          for (const f of findings)
            assert.ok(
              typos.some((t) => f.span.start === typoSpan(typos, t).start),
              `${f.rule} on a mistyped cell`,
            );
          count('pair: restored');
        } else {
          assert.equal(fixed, text, 'no figure changed');
          for (const f of findings) assert.notEqual(f.suspects?.length, 1, 'no unique explanation');
          count('pair: left alone');
        }
      }),
      { numRuns: RUNS.pair, seed: 13002 },
    );
  });

  it(`Section 四, one typo (${RUNS.appeals} cases): the cell is in one relation only, so the table is left alone unless the explanation is unique`, () => {
    fc.assert(
      fc.property(typoCase('appeals', 1), ({ draft, typos }) => {
        const text = withTypos(draft.text, typos);
        const [finding, ...others] = arithmetic(text);
        assert.ok(finding && others.length === 0, 'one review-total finding');
        const fixed = fixAll(text).text;
        if (finding.suspects?.length === 1) {
          assert.equal(fixed, draft.text);
          count('appeals: unique, restored');
        } else {
          assert.equal(fixed, text, 'no figure changed');
          assert.equal(finding.fixes.length, 0);
          count('appeals: left alone');
        }
      }),
      { numRuns: RUNS.appeals, seed: 13003 },
    );
  });

  it('figures', (t) => t.diagnostic(JSON.stringify(tally)));
});

// Real clean reports -------------------------------------------------------------------------------------------------

interface Located {
  table: string;
  row: string;
  column: string;
  cell: Cell;
}

function numberCells(text: string, table: string): Located[] {
  const out: Located[] = [];
  for (const section of check(text).report.sections) {
    for (const t of section.tables) {
      if (t.def.id !== table) continue;
      for (const row of t.rows) {
        row.values.forEach((cell, i) => {
          if (row.def && cell.value.kind === 'number') out.push({ table, row: row.def.id, column: t.def.columns[i].id, cell });
        });
      }
    }
  }
  return out;
}

/** A typo of a figure as people make them: the last digit one higher (0 → 1, 9 → 8). */
const typoOf = (text: string) => text.slice(0, -1) + (text.endsWith('9') ? '8' : String(Number(text.at(-1)) + 1));

function realTablesCheck(name: string, text: string): void {
  const cells = numberCells(text, 'requests');
  assert.ok(cells.length >= 150, `${name}: Section 三 read (${cells.length} figures)`);
  assert.deepEqual(arithmetic(text), [], `${name}: its sums hold`);
  const clean = fixAll(text).text;
  cells.forEach(({ row, column, cell }, i) => {
    const typo = { span: cell.span, written: typoOf(cell.text) };
    const mistyped = withTypos(text, [typo]);
    const findings = arithmetic(mistyped);
    const at = typoSpan([typo], typo);
    assert.ok(findings.length >= 2, `${name} ${row}/${column}: found by each of its relations`);
    for (const f of findings) {
      assert.deepEqual(f.span, at, `${name} ${row}/${column}: ${f.rule} on the mistyped cell`);
      assert.equal(applyEdits(mistyped, f.fixes[0].edits), text, `${name} ${row}/${column}: its fix restores the figure`);
    }
    // fixAll does what it does to the clean report (tables made canonical, labels worded) and restores the figure.
    if (i % 10 === 0) assert.equal(fixAll(mistyped).text, clean, `${name} ${row}/${column}: fixAll`);
  });
  for (const { row, column, cell } of numberCells(text, 'appeals')) {
    const mistyped = withTypos(text, [{ span: cell.span, written: typoOf(cell.text) }]);
    const findings = arithmetic(mistyped);
    assert.equal(findings.length, 1, `${name} 四 ${column}: one relation fails`);
    if (findings[0].suspects?.length !== 1) assert.equal(findings[0].fixes.length, 0, `${name} 四 ${row}/${column}: left alone`);
  }
}

/**
 * Non-zero figures of real published tables (/work/shared/corpus/SOURCES.md), read off the pages. Every request of
 * these three reports came from 自然人, so a Section 三 row's figure stands in its 自然人 and its 总计 column.
 */
const CORPUS: { name: string; year: number; requests: Record<string, number>; appeals: Record<string, number> }[] = [
  {
    name: '平潭交通与建设局 2024',
    year: 2024,
    requests: {
      received: 58,
      disclosed: 9,
      partly: 3,
      'withheld.secret': 4,
      'withheld.internal': 32,
      'unavailable.notHeld': 10,
      total: 58,
    },
    appeals: {},
  },
  {
    name: '平潭市场监督管理局 2025',
    year: 2025,
    requests: {
      received: 21,
      disclosed: 1,
      partly: 11,
      'withheld.enforcement': 3,
      'otherHandling.noCorrection': 2,
      'otherHandling.unpaid': 2,
      total: 19,
      carriedForward: 2,
    },
    appeals: { 'review.upheld': 10, 'review.total': 10 },
  },
  {
    name: '平潭交通与建设局 2025',
    year: 2025,
    requests: { received: 21, disclosed: 10, partly: 1, 'unavailable.notHeld': 10, total: 21 },
    appeals: { 'review.upheld': 3, 'review.corrected': 1, 'review.other': 5, 'review.total': 9 },
  },
];

describe('error localization on real clean reports: one figure mistyped at a time', () => {
  for (const seed of ['001_f11dda0cfbad3174.txt', '002_0dabcd11a12b22e6.txt']) {
    it(`seed ${seed}: each Section 三 typo is found on its cell and fixed back; Section 四 typos are left alone`, () => {
      // 002 has one figure behind Word debris (`[bookmark: _GoBack]22`): read as cell-not-number's fix reads it.
      realTablesCheck(seed, readFileSync(join(SEEDS_DIR, seed), 'utf8').replace('[bookmark: _GoBack]22', '22'));
    });
  }
  for (const report of CORPUS) {
    it(`${report.name} (its tables as a canonical draft): the same`, () => {
      const text = renderReport('2021', report.year, '平潭综合实验区', (row, column) => {
        const figure =
          row.id === 'cases' ? report.appeals[column.id] : ['natural', 'total'].includes(column.id) ? report.requests[row.id] : 0;
        return String(figure ?? 0);
      });
      realTablesCheck(report.name, text);
    });
  }
});
