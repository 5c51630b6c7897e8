import type { Cell, Row, Span, Table } from '../model';
import { evaluate } from '../relations';
import type { EditionId, RowDef, TableDef } from '../standard';
import { parseValue } from './values';

/** A run of figures written without separators (`280000028`), spaces kept where the source had them. */
export interface FigureRun {
  /** Groups of digits the source separated by spaces, each with its offset in the source. */
  groups: { text: string; offset: number }[];
}

/** One row of a table whose figures ran together: its standard row, its label as written, its run. */
export interface RunRow {
  def: RowDef;
  label: { text: string; offset: number };
  run: FigureRun;
}

/** A cell of a split: its figure as written and where it stands in the source. */
export interface SplitCell {
  text: string;
  offset: number;
}

export type SplitResult =
  | { kind: 'unique'; rows: SplitCell[][]; alternatives: number }
  | { kind: 'ambiguous'; reason: 'several-splits' | 'short-row' }
  | { kind: 'unreadable'; reason: 'no-split' };

/** Beyond these, a table is taken as ambiguous rather than searched further (never a guess, never a hang). */
const MAX_SPLITS_PER_ROW = 500;
const MAX_SEARCH_STEPS = 5000;
/** The longest figure a cell holds (15 digits, a decimal point and a few decimals). */
const MAX_FIGURE = 20;

/** A figure as a cell holds it: `0`, or digits without a leading zero, with a decimal part where the source has one. */
const FIGURE = /^(?:0|[1-9][0-9]*)(?:\.[0-9]+)?$/;

/** Every way to cut a run into `width` figures (cutting only between two digits; spaces always cut). */
export function splitsOf(run: FigureRun, width: number, limit = MAX_SPLITS_PER_ROW): SplitCell[][] | 'too-many' {
  const out: SplitCell[][] = [];
  const cells: SplitCell[] = [];
  // Characters in the groups after each group: a split that cannot fill or cannot take the rest is not walked.
  const after = run.groups.map((_, g) => run.groups.slice(g + 1).reduce((n, x) => n + x.text.length, 0));
  let overflow = false;
  const walk = (group: number, at: number) => {
    if (overflow) return;
    if (group === run.groups.length) {
      if (cells.length === width) {
        if (out.length >= limit) overflow = true;
        else out.push([...cells]);
      }
      return;
    }
    const { text, offset } = run.groups[group];
    const cellsLeft = width - cells.length;
    const charsLeft = text.length - at + after[group];
    if (cellsLeft < run.groups.length - group || cellsLeft > charsLeft || charsLeft > cellsLeft * MAX_FIGURE) return;
    for (let end = at + 1; end <= text.length && end - at <= MAX_FIGURE; end++) {
      if (end < text.length && (text[end] === '.' || text[end - 1] === '.')) continue;
      const piece = text.slice(at, end);
      if (!FIGURE.test(piece)) {
        if (piece.length > 1 && piece[0] === '0' && piece[1] !== '.') break;
        continue;
      }
      cells.push({ text: piece, offset: offset + at });
      if (end === text.length) walk(group + 1, 0);
      else walk(group, end);
      cells.pop();
    }
  };
  walk(0, 0);
  return overflow ? 'too-many' : out;
}

const cellOf = (cell: SplitCell): Cell => ({
  text: cell.text,
  span: { start: cell.offset, end: cell.offset + cell.text.length },
  value: parseValue(cell.text),
});

function tableOf(def: TableDef, edition: EditionId, rows: { def: RowDef; cells: SplitCell[] }[]): Table {
  const span: Span = { start: 0, end: 0 };
  const modelRows: Row[] = rows.map((r) => ({ span, labels: [], values: r.cells.map(cellOf), extra: [], def: r.def }));
  return { def, edition, layout: 'markdown', span, headerLabels: [], rows: modelRows };
}

/** Whether every relation of the standard that the rows so far decide holds (relations with absent terms are skipped). */
function consistent(def: TableDef, edition: EditionId, rows: { def: RowDef; cells: SplitCell[] }[]): boolean {
  return evaluate(tableOf(def, edition, rows)).every((r) => r.status !== 'mismatch');
}

/**
 * The figures of a table whose rows ran together, split into cells by the table's column count and its relations
 * (row totals, results totals, balance, review totals), across rows and columns together. A table with a single
 * possible split is taken as it is (its relations may fail: a real error); with several, the one split consistent
 * with every relation is taken; otherwise the table is ambiguous. Never a guess.
 */
export function splitTable(def: TableDef, edition: EditionId, rows: RunRow[]): SplitResult {
  const width = def.columns.length;
  const options: SplitCell[][][] = [];
  let total = 1;
  for (const row of rows) {
    const digits = row.run.groups.reduce((n, g) => n + g.text.replace('.', '').length, 0);
    const splits = splitsOf(row.run, width);
    if (splits === 'too-many') return { kind: 'ambiguous', reason: 'several-splits' };
    if (splits.length === 0)
      return digits < width ? { kind: 'ambiguous', reason: 'short-row' } : { kind: 'unreadable', reason: 'no-split' };
    options.push(splits);
    total = Math.min(total * splits.length, Number.MAX_SAFE_INTEGER);
  }
  if (total === 1) return { kind: 'unique', rows: options.map((o) => o[0]), alternatives: 1 };
  // Each row alone first (its row relations), then the whole table, pruned as soon as a decided relation fails.
  const filtered = options.map((splits, i) => splits.filter((cells) => consistent(def, edition, [{ def: rows[i].def, cells }])));
  const found: SplitCell[][][] = [];
  const chosen: { def: RowDef; cells: SplitCell[] }[] = [];
  let steps = 0;
  const done = () => found.length >= 2 || steps > MAX_SEARCH_STEPS;
  const search = (i: number) => {
    steps++;
    if (i === rows.length) {
      found.push(chosen.map((c) => c.cells));
      return;
    }
    for (const cells of filtered[i]) {
      chosen.push({ def: rows[i].def, cells });
      if (consistent(def, edition, chosen)) search(i + 1);
      chosen.pop();
      if (done()) return;
    }
  };
  search(0);
  return found.length === 1 && steps <= MAX_SEARCH_STEPS
    ? { kind: 'unique', rows: found[0], alternatives: total }
    : { kind: 'ambiguous', reason: 'several-splits' };
}
