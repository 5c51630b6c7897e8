import type { Cell, Report, Table } from '../model';
import type { RelationDef } from '../standard';
import type { Message, Rule, RuleFinding } from './types';
import { allTables, columnIndex, findRow, formatNumber, msg, quote, replace } from './util';

export interface Term {
  value: number;
  /** Subtracted (balance: （七）总计 stands on the side of 四). */
  negative: boolean;
}

export interface RelationResult {
  relation: RelationDef;
  table: Table;
  /** The cell where a mismatch is reported. */
  cell: Cell;
  /** What the cell is, for messages: the row label for a row relation, the column label for a column relation. */
  context: string;
  terms: Term[];
  expected: number;
  /** `blank`: the total cell is blank (not compared; its cell-blank fix fills `expected` in). */
  status: 'holds' | 'mismatch' | 'blank';
  /**
   * Whether `expected` can be trusted as a fix: no term is itself a total that fails its own relation, and no other
   * failing relation reported on the same cell wants another value (balance: the column's （七）总计 holds).
   */
  reliable: boolean;
  termCells: (Cell | undefined)[];
}

const EPSILON = 0.005;
/** Stands for the cell a short row does not have: its value is unknown, so relations through it are skipped. */
const ABSENT: Cell = { text: '', span: { start: 0, end: 0 }, value: { kind: 'text' } };
const cache = new WeakMap<Table, RelationResult[]>();

/** Every relation of the standard evaluated on a table (blank terms count as 0; text terms skip the relation). */
export function evaluate(table: Table): RelationResult[] {
  const cached = cache.get(table);
  if (cached) return cached;
  const computed = new Map<Cell, number>();
  const results: RelationResult[] = [];
  const valueOf = (cell: Cell | undefined): number | null => {
    if (!cell) return 0;
    if (cell.value.kind === 'number') return cell.value.value;
    if (cell.value.kind === 'blank') return computed.get(cell) ?? 0;
    return null;
  };
  const record = (relation: RelationDef, cell: Cell | undefined, context: string, termCells: (Cell | undefined)[], negatives: boolean[]) => {
    if (!cell || cell.value.kind === 'text') return;
    const values = termCells.map(valueOf);
    if (values.some((v) => v === null)) return;
    const terms = values.map((v, i) => ({ value: v!, negative: negatives[i] }));
    const expected = Math.round(terms.reduce((sum, t) => sum + (t.negative ? -t.value : t.value), 0) * 100) / 100;
    let status: RelationResult['status'];
    if (cell.value.kind === 'blank') {
      status = 'blank';
      computed.set(cell, expected);
    } else {
      status = Math.abs(cell.value.value - expected) < EPSILON ? 'holds' : 'mismatch';
    }
    results.push({ relation, table, cell, context, terms, expected, status, reliable: true, termCells });
  };
  for (const relation of table.def.relations) {
    if (relation.axis === 'row') {
      const total = columnIndex(table, relation.total);
      const terms = relation.terms.map((id) => columnIndex(table, id));
      for (const row of table.rows) {
        if (!row.def || row.values.length <= total) continue;
        const context = row.def.label || table.def.columns[total].group || '';
        record(relation, row.values[total], context, terms.map((i) => row.values[i] ?? ABSENT), terms.map(() => false));
      }
    } else {
      const totalRow = findRow(table, relation.total);
      if (!totalRow) continue;
      const termRows = [...relation.terms, ...relation.totalSide].map((id) => findRow(table, id));
      const negatives = [...relation.terms.map(() => false), ...relation.totalSide.map(() => true)];
      table.def.columns.forEach((column, c) => {
        record(relation, totalRow.values[c], column.label, termRows.map((r) => (r ? (r.values[c] ?? ABSENT) : undefined)), negatives);
      });
    }
  }
  const failing = results.filter((r) => r.status === 'mismatch');
  for (const result of results) {
    result.reliable = !failing.some(
      (other) =>
        other !== result &&
        (result.termCells.includes(other.cell) || (other.cell === result.cell && Math.abs(other.expected - result.expected) >= EPSILON)),
    );
  }
  cache.set(table, results);
  return results;
}

function showTerms(terms: Term[]): string {
  const shown = terms.filter((t) => t.value !== 0);
  if (shown.length === 0) return '0';
  return shown.map((t, i) => `${i === 0 ? (t.negative ? '−' : '') : t.negative ? ' − ' : ' + '}${formatNumber(t.value)}`).join('');
}

const WHAT: Record<RelationDef['rule'], { zh: (c: string) => string; en: (c: string) => string }> = {
  'row-total': { zh: (c) => `${quote(c)}行的总计`, en: (c) => `the total of row ${quote(c)}` },
  'results-total': { zh: (c) => `${quote(c)}列的（七）总计`, en: (c) => `(七) total of column ${quote(c)}` },
  balance: { zh: (c) => `${quote(c)}列的“四、结转下年度继续办理”`, en: (c) => `row 四 (carried forward) of column ${quote(c)}` },
  'review-total': { zh: (c) => `${quote(c)}的总计`, en: (c) => `the total of ${quote(c)}` },
};

/** The findings of one arithmetic rule: one per failing relation, with the computed value as the preferred fix. */
export function relationFindings(report: Report, rule: RelationDef['rule']): RuleFinding[] {
  const findings: RuleFinding[] = [];
  for (const table of allTables(report)) {
    for (const r of evaluate(table)) {
      if (r.relation.rule !== rule || r.status !== 'mismatch') continue;
      const actual = (r.cell.value as { value: number }).value;
      const expected = formatNumber(r.expected);
      const what = WHAT[rule];
      const canFix = r.reliable && r.expected >= 0;
      findings.push({
        span: r.cell.span,
        message: msg(
          `${what.zh(r.context)}应为 ${expected}（${showTerms(r.terms)}），实为 ${formatNumber(actual)}`,
          `${what.en(r.context)} should be ${expected} (${showTerms(r.terms)}), found ${formatNumber(actual)}`,
        ),
        expected: r.expected,
        actual,
        terms: r.terms.map((t) => (t.negative ? -t.value : t.value)),
        fixes: canFix ? [{ title: msg(`改为 ${expected}`, `Change to ${expected}`), edits: [replace(r.cell.span, expected)] }] : [],
      });
    }
  }
  return findings;
}

/** The four arithmetic rules differ only in which relation of the standard they report. */
export function arithmeticRule(id: RelationDef['rule'], description: Message): Rule {
  return {
    id,
    severity: 'error',
    description,
    fixDescription: id === 'balance'
      ? msg('改为使等式成立的值（仅当该列（七）总计正确时）', 'Set the value that balances (only where the column’s (七) total holds)')
      : msg('改为计算所得的值', 'Replace the total with the computed value'),
    check: (report) => relationFindings(report, id),
  };
}
