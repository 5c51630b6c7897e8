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
import { PAGE_NUMBER, type Piece, type RawBlock, type RawCell, type RawRow } from './blocks';
import { isLabelLike, parseValue } from './values';

/** Rows of one table before the standard is applied to them. */
interface Candidate {
  layout: TableLayout;
  span: Span;
  item?: RawCell;
  rows: RawRow[];
}

/** A raw cell becomes the model's cell by taking its value: no second object per cell (a table of 1 MB has 100,000). */
function toCell(raw: RawCell): Cell {
  const cell = raw as Cell;
  cell.value = parseValue(raw.text);
  return cell;
}

/** A row's cells with their values, read once however many tables and editions the row is tried against. */
const cellsOf = (row: RawRow): Cell[] => (row.read ??= row.cells.map(toCell));

function firstText(row: RawRow): RawCell | undefined {
  return row.cells.find((c) => c.text !== '');
}

function isItemRow(row: RawRow): boolean {
  const texts = row.cells.filter((c) => c.text !== '');
  return texts.length === 1 && itemNumeral(texts[0].text) !== undefined;
}

/** A converter's caption (`表二：`, `表三（续）`, `续表`) or a page number: between two fragments of one table, not text. */
const CAPTION = /^[ \t\u3000]*(?:续表|表[一二三四五六七八九十0-9]+(?:[：:、.． \t\u3000][^。；，]{0,30})?$)|[（(]续[）)][ \t\u3000]*$/;
const isBreak = (line: string) => PAGE_NUMBER.test(line) || CAPTION.test(line);

/** A line of a Section 二 table written as text: `行政许可 97`, or its header `信息内容 本年处理决定数量`. */
function lineRow(piece: Piece & { kind: 'line' }, section: SectionId): RawRow | undefined {
  if (piece.text.length > 60) return undefined;
  const cells: RawCell[] = [];
  for (const m of piece.text.matchAll(/[^ \t\u3000]+/g))
    cells.push({ text: m[0], span: { start: piece.span.start + m.index, end: piece.span.start + m.index + m[0].length } });
  if (cells.length < 2) return undefined;
  const header = isCornerOf(section, cells[0].text) && cells.slice(1).every((c) => isLabelLike(c.text));
  const row = isLabelLike(cells[0].text) && cells.slice(1).every((c) => parseValue(c.text).kind === 'number');
  return header || row ? { span: piece.span, cells } : undefined;
}

/** Consecutive `行政许可 97` lines of Section 二 as the table block they are. */
function linesAsTables(pieces: Piece[], section: SectionId): Piece[] {
  const out: Piece[] = [];
  let block: RawBlock | undefined;
  for (const piece of pieces) {
    const row = piece.kind === 'line' ? lineRow(piece, section) : undefined;
    if (!row) {
      out.push(piece);
      block = undefined;
    } else if (block) {
      block.rows.push(row);
      block.span.end = row.span.end;
    } else {
      block = { layout: 'columns', span: { ...row.span }, rows: [row] };
      out.push({ kind: 'table', block });
    }
  }
  return out;
}

/**
 * Section 二 holds one table per item; a pasted block may run several of them together, and a page break or a
 * converter's caption (`表二（续）`) may cut one in fragments: a block that opens with neither an item nor a header
 * continues the table before it.
 */
function splitByItem(pieces: Piece[], section: SectionId): Candidate[] {
  const out: Candidate[] = [];
  let item: RawCell | undefined;
  let current: Candidate | undefined;
  for (const piece of linesAsTables(pieces, section)) {
    if (piece.kind === 'line') {
      if (itemNumeral(piece.text) !== undefined) item = { text: piece.text, span: piece.span };
      if (item || !isBreak(piece.text)) current = undefined;
      continue;
    }
    const { block } = piece;
    const start = (row: RawRow, itemCell?: RawCell) => {
      current = { layout: block.layout, span: { start: row.span.start, end: row.span.end }, item: itemCell, rows: [] };
      out.push(current);
    };
    if (item) current = undefined;
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

/** Sections 三 and 四 hold one table each: fragments a page break or a caption (`表三（续）`) cut off continue it. */
function candidatesOf(pieces: Piece[], section: SectionId): Candidate[] {
  if (hasItemTables(section)) return splitByItem(pieces, section);
  const tables: Candidate[] = [];
  let open: Candidate | undefined;
  for (const piece of pieces) {
    if (piece.kind === 'line') {
      // Text between two blocks ends the table; a caption or a page number does not.
      if (!isBreak(piece.text)) open = undefined;
      continue;
    }
    const { block } = piece;
    if (open) {
      open.rows.push(...block.rows);
      open.span.end = block.span.end;
    } else if (block.layout === 'markdown' || block.rows.length >= 2 || isRowOfFigures(block.rows[0])) {
      tables.push((open = { layout: block.layout, span: { ...block.span }, rows: [...block.rows] }));
    }
  }
  return tables;
}

function isHeaderRow(def: TableDef, row: RawRow): boolean {
  if (row.cells.some((c) => parseValue(c.text).kind === 'number')) return false;
  const texts = row.cells.filter((c) => c.text !== '');
  if (texts.length === 0) return true;
  if (texts.some((c) => matchRow(def, c.text) && !matchColumn(def, c.text))) return false;
  return texts.some((c) => matchColumn(def, c.text) || isHeaderText(def, c.text));
}

/** A header row again inside the body: the corner (勾稽关系 note, 信息内容) or several column labels, no figure. */
function isRepeatedHeader(def: TableDef, row: RawRow): boolean {
  if (row.cells.some((c) => parseValue(c.text).kind === 'number')) return false;
  const texts = row.cells.filter((c) => c.text !== '');
  return (
    texts.some((c) => labelKey(c.text) === labelKey(def.corner) || hasCornerMark(c.text)) ||
    texts.filter((c) => matchColumn(def, c.text)).length >= 2
  );
}

/** Header text that is not a column label: a group heading, the corner cell, the 勾稽关系 note. */
function isHeaderText(def: TableDef, text: string): boolean {
  return isGroupLabel(def, text) || labelKey(text) === labelKey(def.corner) || hasCornerMark(text);
}

/** Splits a body row into its label cells and its value cells (see report-format.md, tolerated variants). */
function splitRow(def: TableDef, raw: RawRow): Pick<Row, 'labels' | 'values' | 'extra'> {
  const cells = cellsOf(raw);
  let lastLabel = -1;
  for (let i = 0; i < cells.length; i++) {
    if (cells[i].value.kind === 'blank') continue;
    if (cells[i].value.kind === 'text' && isLabelLike(cells[i].text)) lastLabel = i;
    else break;
  }
  const labels = cells.slice(0, lastLabel + 1).filter((c) => c.value.kind !== 'blank');
  const width = def.columns.length;
  let first = lastLabel + 1;
  // A cell of several figures (`21 1`, a missing pipe) stands for as many cells: the row is short, not shifted.
  let count = cells.length - first;
  for (const c of cells.slice(first)) if (c.value.kind === 'text' && c.value.figures) count += c.value.figures.length - 1;
  while (count > width && cells[first].value.kind === 'blank') {
    first++;
    count--;
  }
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
    const header = candidate.rows[body];
    for (const [i, raw] of header.cells.entries()) {
      const match = raw.text ? matchColumn(def, raw.text) : undefined;
      if (match) {
        headerLabels.push({ cell: cellsOf(header)[i], column: match.def, wording: match.wording });
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
    // The header again at the top of a fragment (a table continued on the next page).
    if (isRepeatedHeader(def, raw)) continue;
    const row: Row = { span: raw.span, ...splitRow(def, raw) };
    const matched = [...row.labels]
      .reverse()
      .map((cell) => ({ cell, match: matchRow(def, cell.text) }))
      .find((m) => m.match);
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
    // A row with nothing in it past the standard's rows (a fragment's padding) carries nothing to check.
    if (!row.def && row.labels.length === 0 && row.extra.length === 0 && row.values.every((c) => c.value.kind === 'blank')) continue;
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
