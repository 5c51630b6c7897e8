import type { Cell, HeaderLabel, Row, Span, Table, TableLayout } from '../model';
import {
  type EditionId,
  type SectionId,
  type TableDef,
  editionsToTry,
  hasCornerMark,
  hasItemTables,
  isCornerOf,
  isGroupLabel,
  itemNumeral,
  labelKey,
  matchColumn,
  matchRow,
  tableForItem,
  tablesOf,
} from '../standard';
import type { Piece, RawCell, RawRow } from './blocks';
import { isLabelLike, parseValue } from './values';

/** Rows of one table before the standard is applied to them. */
interface Candidate {
  layout: TableLayout;
  span: Span;
  item?: RawCell;
  rows: RawRow[];
}

const toCell = (raw: RawCell): Cell => ({ text: raw.text, span: raw.span, value: parseValue(raw.text) });

function firstText(row: RawRow): RawCell | undefined {
  return row.cells.find((c) => c.text !== '');
}

function isItemRow(row: RawRow): boolean {
  const texts = row.cells.filter((c) => c.text !== '');
  return texts.length === 1 && itemNumeral(texts[0].text) !== undefined;
}

/** Section 二 holds one table per item; a pasted block may run several of them together. */
function splitByItem(pieces: Piece[], section: SectionId): Candidate[] {
  const out: Candidate[] = [];
  let item: RawCell | undefined;
  for (const piece of pieces) {
    if (piece.kind === 'line') {
      item = itemNumeral(piece.text) !== undefined ? { text: piece.text, span: piece.span } : undefined;
      continue;
    }
    const { block } = piece;
    let current: Candidate | undefined;
    const start = (row: RawRow, itemCell?: RawCell) => {
      current = { layout: block.layout, span: { start: row.span.start, end: row.span.end }, item: itemCell, rows: [] };
      out.push(current);
    };
    for (const row of block.rows) {
      if (isItemRow(row)) {
        start(row, firstText(row));
        continue;
      }
      const isCorner = (r: RawRow) => isCornerOf(section, firstText(r)?.text ?? '');
      if (!current || (isCorner(row) && current.rows.some((r) => !isCorner(r)))) {
        start(row, current ? undefined : item);
      }
      current!.rows.push(row);
      current!.span.end = row.span.end;
    }
    item = undefined;
  }
  return out.filter((c) => c.rows.length > 0);
}

/** A single line can be a whole table: Section 四's one row of fifteen figures. */
function isRowOfFigures(row: RawRow | undefined): boolean {
  return !!row && row.cells.filter((c) => parseValue(c.text).kind === 'number').length >= 5;
}

function candidatesOf(pieces: Piece[], section: SectionId): Candidate[] {
  if (hasItemTables(section)) return splitByItem(pieces, section);
  return pieces.flatMap((p) =>
    p.kind === 'table' && (p.block.layout === 'markdown' || p.block.rows.length >= 2 || isRowOfFigures(p.block.rows[0]))
      ? [{ layout: p.block.layout, span: p.block.span, rows: p.block.rows }]
      : [],
  );
}

function isHeaderRow(def: TableDef, row: RawRow): boolean {
  if (row.cells.some((c) => parseValue(c.text).kind === 'number')) return false;
  const texts = row.cells.filter((c) => c.text !== '');
  if (texts.length === 0) return true;
  if (texts.some((c) => matchRow(def, c.text) && !matchColumn(def, c.text))) return false;
  return texts.some((c) => matchColumn(def, c.text) || isHeaderText(def, c.text));
}

/** Header text that is not a column label: a group heading, the corner cell, the 勾稽关系 note. */
function isHeaderText(def: TableDef, text: string): boolean {
  return isGroupLabel(def, text) || labelKey(text) === labelKey(def.corner) || hasCornerMark(text);
}

/** Splits a body row into its label cells and its value cells (see report-format.md, tolerated variants). */
function splitRow(def: TableDef, raw: RawRow): Pick<Row, 'labels' | 'values' | 'extra'> {
  const cells = raw.cells.map(toCell);
  let lastLabel = -1;
  for (let i = 0; i < cells.length; i++) {
    if (cells[i].value.kind === 'blank') continue;
    if (cells[i].value.kind === 'text' && isLabelLike(cells[i].text)) lastLabel = i;
    else break;
  }
  const labels = cells.slice(0, lastLabel + 1).filter((c) => c.value.kind !== 'blank');
  const width = def.columns.length;
  let first = lastLabel + 1;
  while (cells.length - first > width && cells[first].value.kind === 'blank') first++;
  let rest = cells.slice(first);
  if (rest.length === 0) {
    const at = raw.span.end;
    rest = def.columns.map(() => ({ text: '', span: { start: at, end: at }, value: { kind: 'blank' }, missing: true }));
  }
  return { labels, values: rest.slice(0, width), extra: rest.slice(width).filter((c) => c.value.kind !== 'blank') };
}

interface Reading {
  table: Table;
  score: number;
  /** Labels that matched nothing: a reading without any is taken without trying the other edition. */
  misses: number;
}

function interpret(def: TableDef, edition: EditionId, candidate: Candidate): Reading {
  const headerLabels: HeaderLabel[] = [];
  const rows: Row[] = [];
  let score = 0;
  let misses = 0;
  let body = 0;
  while (body < candidate.rows.length && body < def.headerRows && isHeaderRow(def, candidate.rows[body])) {
    for (const raw of candidate.rows[body].cells) {
      const match = raw.text ? matchColumn(def, raw.text) : undefined;
      if (match) {
        headerLabels.push({ cell: toCell(raw), column: match.def, wording: match.wording });
        score++;
      } else if (raw.text && !isHeaderText(def, raw.text)) {
        misses++;
      }
    }
    body++;
  }
  const used = new Set<string>();
  let previous = -1;
  for (const raw of candidate.rows.slice(body)) {
    const row: Row = { span: raw.span, ...splitRow(def, raw) };
    const matched = [...row.labels].reverse().map((cell) => ({ cell, match: matchRow(def, cell.text) })).find((m) => m.match);
    if (matched) {
      Object.assign(row, { def: matched.match!.def, wording: matched.match!.wording, label: matched.cell });
      score++;
    } else if (row.labels.length === 0) {
      const next = def.rows[previous + 1];
      if (next && !used.has(next.id)) row.def = next;
    } else if (row.labels.every((c) => isGroupLabel(def, c.text)) && row.values.every((c) => c.value.kind === 'blank')) {
      continue;
    } else {
      score--;
      misses++;
    }
    if (row.def) {
      used.add(row.def.id);
      previous = def.rows.indexOf(row.def);
    }
    rows.push(row);
  }
  const item = candidate.item && toCell(candidate.item);
  return { table: { def, edition, layout: candidate.layout, span: candidate.span, item, headerLabels, rows }, score, misses };
}

function defsFor(edition: EditionId, section: SectionId, candidate: Candidate): TableDef[] {
  if (!hasItemTables(section)) return tablesOf(edition, section);
  const byItem = candidate.item && tableForItem(edition, candidate.item.text);
  return byItem ? [byItem] : tablesOf(edition, section);
}

/**
 * The standard tables of one section. Each candidate is read against the report's edition and, where that fits
 * less well, against the other edition: the better reading wins, and a table of another edition is reported.
 */
export function readTables(pieces: Piece[], section: SectionId, edition: EditionId | undefined): Table[] {
  const editions = editionsToTry(edition);
  const tables: Table[] = [];
  for (const candidate of candidatesOf(pieces, section)) {
    let best: Reading | undefined;
    for (const e of editions) {
      if (edition && best && best.misses === 0 && best.score > 0) break;
      for (const def of defsFor(e, section, candidate)) {
        const reading = interpret(def, e, candidate);
        if (!best || reading.score > best.score) best = reading;
      }
    }
    if (best && (best.score > 0 || !hasItemTables(section) || candidate.item)) tables.push(best.table);
  }
  return tables;
}
