import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { check, fixAll, readScrapedText } from '../../server/src/core';
import { JUNK, bareTruth, mutateSeed, seedFiles } from '../support/fuzz';
import {
  ARITHMETIC_RULES,
  INJECTION_KINDS,
  type InjectionKind,
  LAYOUTS,
  type Truth,
  generateDraft,
  ODD_LINE_ENDS,
  randomOptions,
  truthOf,
} from '../support/generator';
import { type Violation, draftViolations, figureViolations, fixAllViolations, rangeViolations, safeCheck } from '../support/invariants';
import { knownIssue } from '../support/known-issues';
import { Random } from '../support/random';

const seed = fc.integer({ min: 1, max: 2 ** 31 - 1 });
const layout = fc.constantFrom(...LAYOUTS);

/** The violations no reported bug explains (known ones are listed in test/support/known-issues.ts). */
function unexplained(truth: Truth, violations: Violation[]): string[] {
  return violations.filter((v) => !knownIssue(truth, v)).map((v) => `${v.property}: ${v.detail}\n  (${truth.origin})`);
}

function noViolations(truth: Truth, violations: Violation[]): void {
  assert.deepEqual(unexplained(truth, violations), []);
}

describe('hostile input: the core never throws and its ranges stay in the document', () => {
  it('on generated drafts with any layout, noise and injected errors', () => {
    fc.assert(
      fc.property(seed, (s) => {
        const truth = truthOf(generateDraft(s, randomOptions(new Random(s))));
        noViolations(
          truth,
          draftViolations(truth).filter(
            (v) => v.property.startsWith('check') || v.property.endsWith('in-document') || v.property === 'fix-edits-disjoint',
          ),
        );
      }),
      { numRuns: 150 },
    );
  });

  it('on mutated seeds', () => {
    fc.assert(
      fc.property(seed, (s) => {
        const random = new Random(s);
        const { text, edits } = mutateSeed(random.pick(seedFiles()).text, random);
        const violations: Violation[] = [];
        safeCheck(text, violations);
        noViolations(bareTruth(text, edits.join('; ')), violations);
      }),
      { numRuns: 150 },
    );
  });

  it('on strings made of table syntax, numbering and odd characters (lone surrogates, BOM, CR)', () => {
    const piece = fc.oneof(fc.constantFrom(...JUNK), fc.string({ unit: 'binary', maxLength: 4 }));
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 300 }), (pieces) => {
        const text = pieces.join('');
        const violations: Violation[] = [];
        safeCheck(text, violations);
        noViolations(bareTruth(text, JSON.stringify(text)), violations);
      }),
      { numRuns: 300 },
    );
  });

  it('on a draft cut off at any character', () => {
    const draft = generateDraft(4242, { layout: 'markdown', paragraphs: 0 });
    const text = draft.text;
    for (let at = 0; at <= text.length; at += 7) {
      const cut = text.slice(0, at);
      assert.deepEqual(rangeViolations(cut, check(cut).findings), [], `cut at ${at}`);
    }
  });
});

describe('the figures of a generated draft are read back', () => {
  it('every figure at its own cell, as the number written, in every layout', () => {
    fc.assert(
      fc.property(seed, layout, fc.boolean(), fc.boolean(), (s, l, traditional, noisyNumbers) => {
        const draft = generateDraft(s, { layout: l, traditional, noisyNumbers, lineEnds: ODD_LINE_ENDS[s % 5] });
        noViolations(truthOf(draft), figureViolations(draft));
      }),
      { numRuns: 120 },
    );
  });
});

describe('arithmetic: what is injected is found, exactly, and nothing else', () => {
  it('a draft with no injected error gets no arithmetic finding (any layout, Traditional, noisy numbers, CR/CR LF/CR CR LF/mixed line ends)', () => {
    fc.assert(
      fc.property(seed, layout, fc.boolean(), fc.boolean(), (s, l, traditional, noisyNumbers) => {
        const draft = generateDraft(s, { layout: l, traditional, noisyNumbers, lineEnds: ODD_LINE_ENDS[s % 5] });
        const findings = check(draft.text).findings.filter((f) => ARITHMETIC_RULES.includes(f.rule));
        assert.deepEqual(
          findings.map((f) => `${f.rule}: ${f.message}`),
          [],
          `seed ${s}, ${l}`,
        );
      }),
      { numRuns: 150 },
    );
  });

  it('every wrong figure gives each failing relation one finding at its total cell with the exact expected value', () => {
    const injected = fc.array(fc.constantFrom<InjectionKind>('value', 'value', 'blank', 'text', 'swap-columns', 'label-typo'), {
      minLength: 1,
      maxLength: 4,
    });
    fc.assert(
      fc.property(seed, layout, injected, fc.boolean(), (s, l, inject, traditional) => {
        const draft = generateDraft(s, { layout: l, inject, traditional, noisyNumbers: s % 2 === 0 });
        const truth = truthOf(draft);
        noViolations(
          truth,
          draftViolations(truth).filter((v) => v.property.startsWith('arithmetic')),
        );
      }),
      { numRuns: 250 },
    );
  });

  it('a wrong total is reported at its cell with the value the standard requires', () => {
    // One concrete case in full, so a failure reads plainly: 行政复议 总计 written one too high.
    const draft = generateDraft(7, { layout: 'markdown', inject: [] });
    const cell = draft.cells.find((c) => c.table.id === 'appeals' && c.table.columns[c.column]?.id === 'review.total')!;
    const was = cell.written.kind === 'number' ? cell.written.value : NaN;
    const text = draft.text.slice(0, cell.span!.start) + String(was + 1) + draft.text.slice(cell.span!.end);
    const finding = check(text).findings.find((f) => f.rule === 'review-total');
    assert.ok(finding, 'review-total reported');
    assert.deepEqual([finding.span.start, finding.expected, finding.actual], [cell.span!.start, was, was + 1]);
  });

  it('other injected errors are reported where they are (blank, text, label typo, missing row or section)', () => {
    fc.assert(
      fc.property(seed, layout, fc.array(fc.constantFrom(...INJECTION_KINDS), { minLength: 1, maxLength: 3 }), (s, l, inject) => {
        const truth = truthOf(generateDraft(s, { layout: l, inject }));
        noViolations(
          truth,
          draftViolations(truth).filter((v) => v.property === 'injected-error-found'),
        );
      }),
      { numRuns: 200 },
    );
  });
});

describe('disable comments', () => {
  it('an arithmetic error inside `govreport-disable` … `govreport-enable` is silenced, the others are not', () => {
    fc.assert(
      fc.property(seed, fc.integer({ min: 1, max: 3 }), (s, errors) => {
        const draft = generateDraft(s, { layout: 'markdown', inject: Array(errors).fill('value') });
        const requests = truthOf(draft).tables.find((t) => t.id === 'requests')!;
        const start = draft.text.lastIndexOf('\n\n', requests.span.start) + 2;
        const end = draft.text.indexOf('\n\n', requests.span.end);
        const rules = 'row-total results-total balance';
        const text = `${draft.text.slice(0, start)}<!-- govreport-disable ${rules} -->\n\n${draft.text.slice(start, end)}\n\n<!-- govreport-enable ${rules} -->${draft.text.slice(end)}`;
        const shift = (at: number) => (at >= end ? at + text.length - draft.text.length : at);
        const before = check(draft.text).findings.filter((f) => ARITHMETIC_RULES.includes(f.rule));
        const after = check(text).findings.filter((f) => ARITHMETIC_RULES.includes(f.rule));
        const outside = before.filter((f) => f.span.start < start || f.span.start >= end || f.rule === 'review-total');
        assert.deepEqual(
          after.map((f) => `${f.rule}@${f.span.start}`),
          outside.map((f) => `${f.rule}@${shift(f.span.start)}`),
        );
      }),
      { numRuns: 40 },
    );
  });
});

describe('fix safety', () => {
  it('each fix edits only its own range, removes its finding; fixAll is idempotent and keeps every paragraph', () => {
    fc.assert(
      fc.property(seed, (s) => {
        const truth = truthOf(generateDraft(s, randomOptions(new Random(s))));
        noViolations(
          truth,
          draftViolations(truth, { fixes: true, maxSingleFixes: 4 }).filter((v) => v.property.startsWith('fix')),
        );
      }),
      { numRuns: 60 },
    );
  });

  it('fixAll on wrong totals restores the figures as generated', () => {
    fc.assert(
      fc.property(seed, layout, fc.integer({ min: 1, max: 3 }), (s, l, errors) => {
        const draft = generateDraft(s, { layout: l === 'columns' ? 'markdown' : l, inject: Array(errors).fill('value') });
        const truth = truthOf(draft);
        noViolations(
          truth,
          draftViolations(truth, { fixes: true, maxSingleFixes: 0 }).filter((v) => v.property === 'fixAll-settles-arithmetic'),
        );
      }),
      { numRuns: 60 },
    );
  });

  it('fixAll leaves a mutated seed idempotent and loses none of its paragraphs outside tables', () => {
    fc.assert(
      fc.property(seed, (s) => {
        const random = new Random(s);
        const { text } = mutateSeed(random.pick(seedFiles()).text, random);
        // Long lines of prose (no table syntax) must survive verbatim; lines as the parser counts them (any line break).
        const prose = text.split(/\r+\n|\r|\n/).filter((line) => line.length > 80 && !/[|｜\t]|\s{2}/.test(line));
        assert.deepEqual(fixAllViolations(text, prose).violations, []);
      }),
      { numRuns: 40 },
    );
  });

  it('fixAll leaves a clean canonical draft as it is', () => {
    const draft = generateDraft(99, { layout: 'markdown' });
    assert.equal(fixAll(draft.text).text, draft.text);
  });
});

describe('hostile scraped page text: the reader never throws, its draft checks, its origins stay in the file', () => {
  const dir = join(__dirname, '..', 'fixtures', 'scraped');
  const pages = readdirSync(dir)
    .filter((f) => f.endsWith('.txt'))
    .map((f) => readFileSync(join(dir, f), 'utf8'));
  it('on corpus pages cut, spliced and with runs of digits grown or dropped', () => {
    fc.assert(
      fc.property(seed, fc.integer({ min: 0, max: pages.length - 1 }), (s, p) => {
        const random = new Random(s);
        let text = pages[p];
        for (let n = random.int(1, 6); n > 0; n--) {
          const at = random.int(0, text.length);
          const cut = random.int(0, 60);
          const insert = random.pick([
            '',
            '0',
            '1',
            '00000000000000000',
            '9'.repeat(random.int(1, 400)),
            ' ',
            '\n',
            '一、',
            '（七）总计',
            '第二十条第（一）项',
            '年',
            '.',
          ]);
          text = text.slice(0, at) + insert + text.slice(at + cut);
        }
        const doc = readScrapedText(text);
        const lines = text.split('\n');
        let previous = 0;
        for (const origin of doc.origins) {
          assert.ok(
            origin.start >= previous && origin.end >= origin.start && origin.end <= doc.text.length,
            'origins sorted, inside the draft',
          );
          previous = origin.end;
          const { line, column } = origin.location;
          assert.ok(
            line! >= 1 && line! <= lines.length && column! >= 1 && column! <= lines[line! - 1].length + 1,
            'origin inside the file',
          );
        }
        assert.deepEqual(rangeViolations(doc.text, check(doc.text).findings), []);
      }),
      { numRuns: 150 },
    );
  });
});
