import type { Cell, Span, TableLayout } from '../model';
import { isBlank, lineAt, lineSpan, trimSpan } from './text';
import { itemNumeral } from '../standard';
import { isChineseNumber, isLabelLike, parseValue } from './values';

export interface RawCell {
  text: string;
  span: Span;
}

export interface RawRow {
  span: Span;
  cells: RawCell[];
  /** The cells with their values, once read (see parse/tables.ts). */
  read?: Cell[];
}

export interface RawBlock {
  layout: TableLayout;
  span: Span;
  rows: RawRow[];
}

/** A section body, read as a sequence of table blocks and the other non-blank lines between them. */
export type Piece = { kind: 'table'; block: RawBlock } | { kind: 'line'; text: string; span: Span; line: number };

export interface LineSource {
  text: string;
  lineStarts: number[];
  /** Lines that are section headings (a cell-per-line block never swallows one). */
  headingLines: Set<number>;
}

/** The delimiter row of a GFM table (`| --- | :---: |`), tested with the white space taken out: no backtracking. */
const DELIMITER = /^[|｜]?:?-+:?(?:[|｜]:?-+:?)*[|｜]?$/;
const isDelimiterRow = (line: string) => line.includes('-') && DELIMITER.test(line.replace(/\s+/g, ''));
export const PAGE_NUMBER = /^\s*(?:[-—–]\s*\d+\s*[-—–]|第\s*\d+\s*页(?:\s*共\s*\d+\s*页)?|\d+\s*\/\s*\d+)\s*$/;
const COLUMN_GAP = /[ \u3000]{2,}|\t+/;
const COLUMN_GAPS = /[ \u3000]{2,}|\t+/g;
/** Longest line taken as the continuation of a cell that a word processor wrapped. */
const MAX_CONTINUATION = 40;

/** A cell's trimmed text; a blank cell keeps its whole width, so that filling it in replaces the spaces. */
function cellAt(text: string, start: number, end: number): RawCell {
  const span = trimSpan(text, start, end);
  return span.start === span.end ? { text: '', span: { start, end } } : { text: text.slice(span.start, span.end), span };
}

const PIPE_CODE = 0x7c;
const FULLWIDTH_PIPE_CODE = 0xff5c;
const BACKSLASH_CODE = 0x5c;

export function splitPipeRow(text: string, span: Span): RawCell[] {
  const cells: RawCell[] = [];
  let from = span.start;
  for (let i = span.start; i < span.end; i++) {
    const code = text.charCodeAt(i);
    if ((code === PIPE_CODE || code === FULLWIDTH_PIPE_CODE) && text.charCodeAt(i - 1) !== BACKSLASH_CODE) {
      cells.push(cellAt(text, from, i));
      from = i + 1;
    }
  }
  cells.push(cellAt(text, from, span.end));
  if (cells.length > 1 && cells[0].text === '') cells.shift();
  if (cells.length > 1 && cells[cells.length - 1].text === '') cells.pop();
  return cells;
}

function hasPipe(line: string): boolean {
  return line.includes('|') || line.includes('｜');
}

function columnTokens(text: string, span: Span): RawCell[] {
  const line = text.slice(span.start, span.end);
  const cells: RawCell[] = [];
  let from = 0;
  COLUMN_GAPS.lastIndex = 0;
  for (let m = COLUMN_GAPS.exec(line); m; m = COLUMN_GAPS.exec(line)) {
    if (m.index > from) cells.push(cellAt(text, span.start + from, span.start + m.index));
    from = m.index + m[0].length;
  }
  if (from < line.length) cells.push(cellAt(text, span.start + from, span.start + line.length));
  return cells.filter((c) => c.text !== '');
}

/** A cell where a figure stands: a number, one in debris (`[bookmark: _GoBack]22`), Chinese numerals (`二十`), `/` or `—`. */
const NONE_MARK = /^[/／—–\-－]{1,3}$/;
const isFigure = (cell: RawCell) => {
  const value = parseValue(cell.text);
  return (
    value.kind === 'number' ||
    (value.kind === 'text' && (value.recovered !== undefined || isChineseNumber(cell.text) || NONE_MARK.test(cell.text)))
  );
};

/** A line of a PDF table: figures apart by runs of spaces (`行政许可     0` counts: a label and one figure). */
function isColumnsRow(cells: RawCell[]): boolean {
  const figures = cells.filter(isFigure).length;
  return (cells.length >= 3 && figures >= 2) || (cells.length === 2 && isFigure(cells[1]) && isLabelLike(cells[0].text));
}

/** Reads lines [from, to) into pieces. Never throws; every line lands in exactly one piece or is blank. */
export function readPieces(src: LineSource, from: number, to: number): Piece[] {
  const { text, lineStarts } = src;
  const pieces: Piece[] = [];
  const spanOf = (n: number) => lineSpan(text, lineStarts, n);
  const lineText = (n: number) => {
    const s = spanOf(n);
    return text.slice(s.start, s.end);
  };
  let i = from;
  while (i < to) {
    const line = lineText(i);
    if (hasPipe(line) && !src.headingLines.has(i)) {
      const rows: RawRow[] = [];
      let n = i;
      for (; n < to && hasPipe(lineText(n)) && !src.headingLines.has(n); n++) {
        if (!isDelimiterRow(lineText(n))) rows.push({ span: spanOf(n), cells: splitPipeRow(text, spanOf(n)) });
      }
      // A GFM table is a header row followed by a delimiter row (`| --- | ---: |`).
      const layout = n > i + 1 && isDelimiterRow(lineText(i + 1)) ? 'markdown' : 'pipe';
      pieces.push({ kind: 'table', block: { layout, span: { start: spanOf(i).start, end: spanOf(n - 1).end }, rows } });
      i = n;
    } else if (line.startsWith('\t')) {
      const { block, next } = readCellLines(src, i, to);
      pieces.push({ kind: 'table', block });
      i = next;
    } else if (isColumnsRow(columnTokens(text, spanOf(i)))) {
      const { label, headers } = takeLinesAbove(src, pieces, i);
      const { block, next } = readColumns(src, i, to, label, headers);
      pieces.push({ kind: 'table', block });
      i = next;
    } else {
      if (!isBlank(line)) pieces.push({ kind: 'line', text: line.trim(), span: trimSpan(text, spanOf(i).start, spanOf(i).end), line: i });
      i++;
    }
  }
  return pieces;
}

/** A table pasted from a word processor: one cell per line behind a tab, blank lines between rows. */
function readCellLines(src: LineSource, from: number, to: number): { block: RawBlock; next: number } {
  const { text, lineStarts } = src;
  const rows: RawRow[] = [];
  let row: RawRow | undefined;
  let lastEnd = lineSpan(text, lineStarts, from).end;
  let n = from;
  for (; n < to; n++) {
    const span = lineSpan(text, lineStarts, n);
    const line = text.slice(span.start, span.end);
    if (line.startsWith('\t') && !src.headingLines.has(n)) {
      if (!row) rows.push((row = { span: { start: span.start, end: span.end }, cells: [] }));
      row.cells.push(cellAt(text, span.start + 1, span.end));
      row.span.end = lastEnd = span.end;
    } else if (isBlank(line)) {
      row = undefined;
    } else if (row && row.cells.length > 0 && !src.headingLines.has(n) && line.trim().length <= MAX_CONTINUATION) {
      const cell = row.cells[row.cells.length - 1];
      const end = trimSpan(text, span.start, span.end).end;
      if (cell.text === '') cell.span = trimSpan(text, span.start, span.end);
      else cell.span = { start: cell.span.start, end };
      cell.text = text.slice(cell.span.start, cell.span.end);
      row.span.end = lastEnd = span.end;
    } else {
      break;
    }
  }
  return { block: { layout: 'cells', span: { start: lineStarts[from], end: lastEnd }, rows }, next: n };
}

/** A label cut inside its brackets, its rest on the next line (`（二）部分公开（区分处理的，` / `不计其他情形）`). */
function unclosed(label: string): boolean {
  return (label.match(/[（(]/g)?.length ?? 0) > (label.match(/[）)]/g)?.length ?? 0);
}

/**
 * The lines just above a PDF table's first row of figures that belong to it, taken back from `pieces`: header lines
 * (labels apart by runs of spaces, no figures), and a single label there, the first row's wrapped onto the line above
 * (`一、本年新收政府` / `信息公开申请数量   829 …`).
 */
function takeLinesAbove(src: LineSource, pieces: Piece[], first: number): { label?: RawCell; headers: RawRow[] } {
  const above = (line: number) => {
    const piece = pieces[pieces.length - 1];
    return piece?.kind === 'line' && piece.line === line ? piece : undefined;
  };
  let top = first;
  let label: RawCell | undefined;
  const wrapped = above(first - 1);
  if (
    wrapped &&
    wrapped.text.length <= MAX_CONTINUATION &&
    !COLUMN_GAP.test(wrapped.text) &&
    isLabelLike(wrapped.text) &&
    itemNumeral(wrapped.text) === undefined
  ) {
    label = { text: wrapped.text, span: wrapped.span };
    pieces.pop();
    top--;
  }
  const headers: RawRow[] = [];
  for (let piece = above(top - 1); piece; piece = above(top - 1)) {
    const span = lineSpan(src.text, src.lineStarts, piece.line);
    const cells = columnTokens(src.text, span);
    if (cells.length < 2 || cells.some(isFigure)) break;
    headers.unshift({ span, cells });
    pieces.pop();
    top--;
  }
  return { label, headers };
}

/** A table copied out of a PDF: cells apart by runs of spaces, labels wrapped onto lines of their own. */
function readColumns(
  src: LineSource,
  from: number,
  to: number,
  label: RawCell | undefined,
  headers: RawRow[],
): { block: RawBlock; next: number } {
  const { text, lineStarts } = src;
  const rows: RawRow[] = [...headers];
  let pending = label;
  let lastEnd = lineStarts[from];
  let n = from;
  for (; n < to; n++) {
    const span = lineSpan(text, lineStarts, n);
    const line = text.slice(span.start, span.end);
    if (isBlank(line) || PAGE_NUMBER.test(line)) continue;
    if (src.headingLines.has(n)) break;
    const cells = columnTokens(text, span);
    if (isColumnsRow(cells) || (cells.length >= 2 && rows.length === 0)) {
      if (pending && cells.length > 0 && parseValue(cells[0].text).kind === 'text') {
        cells[0] = { text: text.slice(pending.span.start, cells[0].span.end), span: { start: pending.span.start, end: cells[0].span.end } };
      }
      pending = undefined;
      rows.push({ span: { start: span.start, end: span.end }, cells });
      lastEnd = span.end;
    } else if (cells.length === 1 && line.trim().length <= MAX_CONTINUATION && n + 1 < to) {
      const previous = rows[rows.length - 1]?.cells[0];
      // The rest of a label cut inside its brackets: the label already names its row (see matchRow's prefixes).
      if (pending || !previous || !unclosed(previous.text)) {
        pending = pending ? { text: '', span: { start: pending.span.start, end: cells[0].span.end } } : cells[0];
      }
    } else {
      break;
    }
  }
  const next = rows.length ? lineAt(lineStarts, lastEnd) + 1 : from + 1;
  const start = headers[0]?.span.start ?? label?.span.start ?? lineStarts[from];
  return { block: { layout: 'columns', span: { start, end: lastEnd }, rows }, next };
}
