/**
 * The properties every draft must keep under the checker and the fixer, as one function shared by the property
 * tests, the regression fixtures and `npm run fuzz`. Each broken property is returned as a violation (never thrown),
 * so a fuzz run can record it and go on.
 */
import { applyEdits, check, type Finding, fixAll, RULE_IDS, type Span } from '../../server/src/core';
import { ARITHMETIC_RULES, type Draft, type ExpectedFinding, type Truth, arithmeticPlaced, spanMatches } from './generator';

export interface Violation {
  property: string;
  detail: string;
  /** The rule and table involved, where known (for telling known issues apart). */
  rule?: string;
  table?: string;
}

const describe = (f: Pick<Finding, 'rule' | 'span' | 'expected' | 'actual'>) =>
  `${f.rule} [${f.span.start},${f.span.end})${f.expected !== undefined ? ` expected ${f.expected}` : ''}${f.actual !== undefined ? ` actual ${f.actual}` : ''}`;

function error(e: unknown): string {
  return e instanceof Error ? (e.stack ?? e.message).split('\n').slice(0, 4).join(' | ') : String(e);
}

/** Findings and fixes lie inside the document, and the edits of one fix do not overlap. */
export function rangeViolations(text: string, findings: Finding[]): Violation[] {
  const out: Violation[] = [];
  const inside = (s: { start: number; end: number }) =>
    Number.isInteger(s.start) && Number.isInteger(s.end) && 0 <= s.start && s.start <= s.end && s.end <= text.length;
  for (const f of findings) {
    if (!inside(f.span)) out.push({ property: 'finding-in-document', detail: `${describe(f)} in a text of ${text.length}` });
    for (const fix of f.fixes) {
      const edits = [...fix.edits].sort((a, b) => a.start - b.start);
      for (const e of edits)
        if (!inside(e))
          out.push({ property: 'fix-in-document', detail: `${describe(f)}: edit [${e.start},${e.end}) in a text of ${text.length}` });
      for (let i = 1; i < edits.length; i++) {
        if (edits[i].start < edits[i - 1].end)
          out.push({ property: 'fix-edits-disjoint', detail: `${describe(f)}: “${fix.title}” has overlapping edits` });
      }
    }
  }
  return out;
}

/** Check never throws and keeps its ranges inside the text; returns the findings (undefined where it threw). */
export function safeCheck(text: string, violations: Violation[]): Finding[] | undefined {
  try {
    const { findings } = check(text);
    violations.push(...rangeViolations(text, findings));
    return findings;
  } catch (e) {
    violations.push({ property: 'check-never-throws', detail: error(e) });
    return undefined;
  }
}

/** Rules whose finding is about one cell or label and whose fix replaces that text and nothing else. */
const IN_PLACE_RULES = new Set([...ARITHMETIC_RULES, 'cell-not-number', 'label-wording', 'section-wording']);

/** Where a span ends up after edits that do not overlap it. */
function mapSpan(span: Span, edits: { start: number; end: number; newText: string }[]): Span {
  const shift = (offset: number) => {
    let delta = 0;
    for (const e of edits) if (e.end <= offset && e.start < offset) delta += e.newText.length - (e.end - e.start);
    return offset + delta;
  };
  const covering = edits.find((e) => e.start === span.start && e.end === span.end);
  return covering
    ? { start: shift(span.start), end: shift(span.start) + covering.newText.length }
    : { start: shift(span.start), end: shift(span.end) };
}

/** One finding's preferred fix, applied alone: it edits only its own range, and the finding is gone afterwards. */
export function fixViolations(text: string, finding: Finding): Violation[] {
  const out: Violation[] = [];
  const fix = finding.fixes[0];
  if (!fix) return out;
  const inside = (e: { start: number; end: number }) => finding.span.start <= e.start && e.end <= finding.span.end;
  if (ARITHMETIC_RULES.includes(finding.rule)) {
    // The fix sets every cell of the explanation: the one the finding is on, and at most one other.
    if (!fix.edits.some(inside) || fix.edits.length > 2) {
      out.push({
        property: 'fix-edits-own-range',
        detail: `${describe(finding)}: no edit of the finding's own cell, or more than two edits`,
      });
    }
  } else if (IN_PLACE_RULES.has(finding.rule)) {
    for (const e of fix.edits) {
      if (!inside(e))
        out.push({ property: 'fix-edits-own-range', detail: `${describe(finding)}: edit [${e.start},${e.end}) outside the finding` });
    }
  }
  let fixed: string;
  try {
    fixed = applyEdits(text, fix.edits);
  } catch (e) {
    return [...out, { property: 'fix-applies', detail: `${describe(finding)}: ${error(e)}` }];
  }
  const after = safeCheck(fixed, out);
  if (!after) return out;
  const span = mapSpan(finding.span, fix.edits);
  const still = after.find((f) => f.rule === finding.rule && f.span.start === span.start && f.span.end === span.end);
  if (still && (IN_PLACE_RULES.has(finding.rule) || finding.rule === 'cell-blank')) {
    out.push({ property: 'fix-removes-finding', detail: `${describe(finding)} still there after “${fix.title}”: ${still.message}` });
  }
  return out;
}

/** fixAll: applying it again changes nothing, and no paragraph outside the tables is lost. */
export function fixAllViolations(text: string, prose: string[]): { violations: Violation[]; fixed?: string } {
  const out: Violation[] = [];
  let once: string;
  let twice: string;
  try {
    once = fixAll(text).text;
    twice = fixAll(once).text;
  } catch (e) {
    return { violations: [{ property: 'fixAll-never-throws', detail: error(e) }] };
  }
  if (twice !== once) {
    let at = 0;
    while (at < once.length && once[at] === twice[at]) at++;
    out.push({
      property: 'fixAll-idempotent',
      detail: `second fixAll changes the text at ${at}: ${JSON.stringify(once.slice(at, at + 60))} → ${JSON.stringify(twice.slice(at, at + 60))}`,
    });
  }
  let from = 0;
  for (const paragraph of prose) {
    const at = once.indexOf(paragraph, from);
    if (at < 0) {
      out.push({ property: 'fixAll-keeps-text', detail: `paragraph lost or reordered: ${JSON.stringify(paragraph.slice(0, 40))}` });
      break;
    }
    from = at + paragraph.length;
  }
  return { violations: out, fixed: once };
}

function missing(
  expected: ExpectedFinding[],
  findings: Finding[],
  placed: (e: ExpectedFinding, span: Span) => boolean,
  compareValues: boolean,
): ExpectedFinding[] {
  return expected.filter(
    (e) =>
      !findings.some(
        (f) => f.rule === e.rule && placed(e, f.span) && (!compareValues || (f.expected === e.expected && f.actual === e.actual)),
      ),
  );
}

export interface DraftCheckOptions {
  /** Also check fix safety (each fix alone, fixAll); several times slower. */
  fixes?: boolean;
  /** At most this many findings have their fix applied alone. */
  maxSingleFixes?: number;
  /** Filled with the time the first check of the text took. */
  timing?: { ms: number };
}

/** The generated table whose cells surround a span. */
function tableAt(truth: Truth, span: Span): string | undefined {
  return truth.tables.find((t) => t.span.start <= span.start && span.end <= t.span.end)?.id;
}

/** Every property of a generated draft (see test/property/*.test.ts for what each one means). */
export function draftViolations(truth: Truth, options: DraftCheckOptions = {}): Violation[] {
  const out: Violation[] = [];
  const started = performance.now();
  const findings = safeCheck(truth.text, out);
  if (options.timing) options.timing.ms = performance.now() - started;
  if (!findings) return out;

  const arithmetic = findings.filter((f) => ARITHMETIC_RULES.includes(f.rule));
  const placed = (e: ExpectedFinding, span: Span) => arithmeticPlaced(e, span, (s) => tableAt(truth, s));
  if (truth.arithmeticKnown) {
    for (const e of missing(truth.arithmetic, arithmetic, placed, true)) {
      out.push({
        property: 'arithmetic-found',
        rule: e.rule,
        table: e.table,
        detail: `expected ${describe(e)}, got ${arithmetic.map(describe).join('; ') || 'no arithmetic finding'}`,
      });
    }
    for (const f of arithmetic) {
      const table = tableAt(truth, f.span);
      if (table && truth.arithmeticUndefinedIn?.includes(table)) continue;
      if (!truth.arithmetic.some((e) => e.rule === f.rule && placed(e, f.span) && e.expected === f.expected && e.actual === f.actual)) {
        out.push({ property: 'arithmetic-exact', rule: f.rule, table, detail: `unexpected ${describe(f)}: ${f.message}` });
      }
    }
  }
  const others = truth.expected.filter((e) => RULE_IDS.includes(e.rule));
  for (const e of missing(others, findings, spanMatches, false)) {
    out.push({
      property: 'injected-error-found',
      rule: e.rule,
      table: e.table,
      detail: `expected ${e.rule} ${e.match} [${e.span.start},${e.span.end})`,
    });
  }
  if (
    truth.layout !== 'markdown' &&
    truth.arithmeticKnown &&
    truth.tables.length &&
    !findings.some((f) => f.rule === 'table-not-markdown')
  ) {
    out.push({
      property: 'injected-error-found',
      rule: 'table-not-markdown',
      detail: `a ${truth.layout} draft without table-not-markdown`,
    });
  }

  if (options.fixes) {
    const fixable = findings.filter((f) => f.fixes.length);
    const limit = options.maxSingleFixes ?? 3;
    const step = Math.max(1, Math.floor(fixable.length / limit));
    for (let i = 0; i < fixable.length && i / step < limit; i += step) out.push(...fixViolations(truth.text, fixable[i]));
    const { violations, fixed } = fixAllViolations(truth.text, truth.prose);
    out.push(...violations);
    if (fixed !== undefined && truth.onlyWrongFigures) {
      // What fixAll leaves is what localization could not pin down: findings without a fix, never a fix not applied.
      const left = (safeCheck(fixed, out) ?? []).filter((f) => ARITHMETIC_RULES.includes(f.rule) && f.fixes.length);
      if (left.length) out.push({ property: 'fixAll-settles-arithmetic', detail: `after fixAll: ${left.map(describe).join('; ')}` });
    }
  }
  return out;
}

/** Every figure of the draft is read back, at its own cell, as the number written there. */
export function figureViolations(draft: Draft): Violation[] {
  const out: Violation[] = [];
  const { report } = check(draft.text);
  const read = new Map<string, { value: number | string; table: string }>();
  for (const section of report.sections) {
    for (const table of section.tables) {
      for (const row of table.rows) {
        for (const cell of row.values) {
          const v = cell.value;
          read.set(`${cell.span.start},${cell.span.end}`, { value: v.kind === 'number' ? v.value : v.kind, table: table.def.id });
        }
      }
    }
  }
  for (const rec of draft.cells) {
    if (rec.column < 0 || !rec.span || rec.written.kind !== 'number') continue;
    const got = read.get(`${rec.span.start},${rec.span.end}`);
    const where = `${rec.table.id} ${rec.table.rows[rec.row].id}/${rec.table.columns[rec.column].id} “${rec.text}”`;
    if (!got) out.push({ property: 'figures-read', table: rec.table.id, detail: `${where} not read as a value cell` });
    else if (got.table !== rec.table.id || got.value !== rec.written.value) {
      out.push({ property: 'figures-read', table: rec.table.id, detail: `${where} read as ${got.value} in ${got.table}` });
    }
  }
  return out;
}
