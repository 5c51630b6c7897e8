/**
 * Tables drawn without rules, read from the geometry of their text: rows anchored on a standard row label followed by
 * figures, the value columns from where the figures stand, wrapped label pieces joined to the nearest row, the header
 * lines above joined column by column.
 */
import { EDITIONS, fold, isGroupLabel, itemNumeral, matchColumn, matchRow } from '../../standard';
import type { Block, BlockCell } from '../types';
import { type Box, cluster } from './geometry';

/** A piece of a line set apart from the rest by a gap wider than a character. */
export interface Chunk {
  text: string;
  x0: number;
  x1: number;
}

export interface ColumnLine {
  page: number;
  box: Box;
  y: number;
  size: number;
  chunks: Chunk[];
}

const FIGURE = /^-?\d[\d,]*(?:\.\d+)?$/;
const defs = EDITIONS.flatMap((e) => e.tables);
const isRowLabel = (text: string) => defs.some((t) => matchRow(t, text));
const isHeaderLabel = (text: string) => defs.some((t) => matchColumn(t, text) || isGroupLabel(t, text));

/** The figures a line ends with, and the label chunks before them; undefined where it ends with no figure. */
function rowOf(line: ColumnLine): { labels: Chunk[]; figures: Chunk[] } | undefined {
  const first = line.chunks.findIndex((c) => FIGURE.test(c.text));
  if (first < 0 || !line.chunks.slice(first).every((c) => FIGURE.test(c.text))) return undefined;
  return { labels: line.chunks.slice(0, first), figures: line.chunks.slice(first) };
}

interface Region {
  start: number;
  end: number;
  header: ColumnLine[];
  rows: { line: ColumnLine; labels: Chunk[]; figures: Chunk[]; pieces: ColumnLine[] }[];
  pieces: ColumnLine[];
}

const near = (a: ColumnLine, b: ColumnLine) => a.page === b.page && Math.abs(a.y - b.y) <= Math.max(a.size, b.size) * 3;
const textOf = (line: ColumnLine) => line.chunks.map((c) => c.text).join('');
/** A line that ends a table's lines: a section heading, an item of Article 20, or prose running long. */
const ends = (line: ColumnLine) =>
  itemNumeral(textOf(line)) !== undefined ||
  line.chunks.some((c) => c.text.length > 24) ||
  /^[一二三四五六][、.]/.test(fold(textOf(line)).replace(/^\s+/, ''));

/** Groups chunks standing over one another (a header or label wrapped in its column) into the text of each column. */
function byColumn(lines: ColumnLine[]): Chunk[] {
  const chunks = lines.flatMap((l) => l.chunks.map((c) => ({ ...c, y: l.y }))).sort((a, b) => a.x0 - b.x0);
  const columns: (Chunk & { pieces: { text: string; y: number }[] })[] = [];
  for (const c of chunks) {
    const column = columns.find((k) => c.x0 < k.x1 && c.x1 > k.x0);
    if (column) {
      column.pieces.push(c);
      column.x0 = Math.min(column.x0, c.x0);
      column.x1 = Math.max(column.x1, c.x1);
    } else {
      columns.push({ ...c, pieces: [c] });
    }
  }
  return columns.map((k) => ({
    text: k.pieces
      .sort((a, b) => b.y - a.y)
      .map((p) => p.text)
      .join('\n'),
    x0: k.x0,
    x1: k.x1,
  }));
}

/** Lines above a table's first row: header lines (reaching over the figures) and, below them, label pieces. */
function above(lines: ColumnLine[], first: number, valuesFrom: number): { start: number; header: ColumnLine[]; pieces: ColumnLine[] } {
  let h = first;
  while (h > 0 && first - h < 12 && near(lines[h - 1], lines[h]) && !rowOf(lines[h - 1]) && !ends(lines[h - 1])) h--;
  const taken = lines.slice(h, first);
  const lastHeader = taken.map((l) => l.box[2] > valuesFrom).lastIndexOf(true);
  const header = taken.slice(0, lastHeader + 1);
  if (header.length > 0 && !byColumn(header).some((c) => isHeaderLabel(c.text)))
    return { start: first - (taken.length - lastHeader - 1), header: [], pieces: taken.slice(lastHeader + 1) };
  return { start: h, header, pieces: taken.slice(lastHeader + 1) };
}

function findRegions(lines: ColumnLine[]): Region[] {
  const regions: Region[] = [];
  let i = 0;
  while (i < lines.length) {
    const row = rowOf(lines[i]);
    if (!row) {
      i++;
      continue;
    }
    const valuesFrom = Math.min(...row.figures.map((c) => c.x0));
    const { start, header, pieces } = above(lines, i, valuesFrom);
    const region: Region = { start, end: i + 1, header, rows: [{ line: lines[i], ...row, pieces: [] }], pieces };
    let j = i + 1;
    for (; j < lines.length; j++) {
      const line = lines[j];
      if (!near(line, lines[j - 1])) break;
      const next = rowOf(line);
      if (next) region.rows.push({ line, ...next, pieces: [] });
      else if (line.box[2] <= valuesFrom && !ends(line)) region.pieces.push(line);
      else break;
    }
    region.end = j;
    placePieces(region);
    // Only a table read for certain: every row named by a standard label, or one row of figures only (Section 四).
    const labelled = region.rows.every((r) => byColumn([{ ...r.line, chunks: r.labels }, ...r.pieces]).some((c) => isRowLabel(c.text)));
    const headed =
      byColumn(region.header).some((c) => isHeaderLabel(c.text)) && !region.header.some((l) => l.chunks.some((c) => /\d/.test(c.text)));
    const figuresOnly = region.rows.length === 1 && region.rows[0].labels.length === 0 && region.rows[0].figures.length >= 5;
    if ((labelled && (headed || region.rows.length >= 2)) || (figuresOnly && headed)) {
      const previous = regions[regions.length - 1];
      // A table the page break cut, its header repeated on the new page: one table.
      if (previous && previous.end === region.start && previous.rows[0].line.page < region.rows[0].line.page) {
        previous.rows.push(...region.rows);
        previous.end = region.end;
      } else {
        regions.push(region);
      }
      i = j;
    } else {
      i++;
    }
  }
  return regions;
}

/** Pieces of wrapped labels go to the row whose figures stand nearest (the figures sit in the middle of a cell). */
function placePieces(region: Region): void {
  for (const piece of region.pieces) {
    const rows = region.rows.filter((r) => r.line.page === piece.page);
    if (rows.length === 0) continue;
    const nearest = rows.reduce((best, r) => (Math.abs(r.line.y - piece.y) < Math.abs(best.line.y - piece.y) ? r : best), rows[0]);
    nearest.pieces.push(piece);
  }
}

/** The table of a region; undefined where a row's figures do not fall one to a column (not read for certain). */
function blockOf(region: Region): Block | undefined {
  const size = Math.max(...region.rows.map((r) => r.line.size));
  const figures = region.rows.flatMap((r) => r.figures);
  // Figures line up on their right edge (right-aligned) or their middle (centred): the way that makes fewer columns.
  const byRight = cluster(
    figures.map((f) => f.x1),
    size * 0.6,
  );
  const byMiddle = cluster(
    figures.map((f) => (f.x0 + f.x1) / 2),
    size * 0.6,
  );
  const right = byRight.length <= byMiddle.length;
  const columns = right ? byRight : byMiddle;
  const at = (f: Chunk) => (right ? f.x1 : (f.x0 + f.x1) / 2);
  const columnOf = (f: Chunk) => columns.reduce((best, x, i) => (Math.abs(x - at(f)) < Math.abs(columns[best] - at(f)) ? i : best), 0);
  if (region.rows.some((r) => new Set(r.figures.map(columnOf)).size < r.figures.length)) return undefined;
  const labelColumns = Math.max(...region.rows.map((r) => byColumn([{ ...r.line, chunks: r.labels }, ...r.pieces]).length));
  const rows: BlockCell[][] = [];
  if (region.header.length > 0) {
    const location = { page: region.header[0].page, box: region.header[0].box };
    rows.push(byColumn(region.header).map((c) => ({ text: c.text, location })));
  }
  for (const r of region.rows) {
    const location = { page: r.line.page, box: r.line.box };
    const labels = byColumn([{ ...r.line, chunks: r.labels }, ...r.pieces]).map((c) => ({ text: c.text, location }));
    while (labels.length < labelColumns) labels.push({ text: '', location });
    const values = columns.map((_, i) => {
      const figure = r.figures.find((f) => columnOf(f) === i);
      const box: Box = figure ? [figure.x0, r.line.box[1], figure.x1, r.line.box[3]] : r.line.box;
      return { text: figure?.text ?? '', location: { page: r.line.page, box } };
    });
    rows.push([...labels, ...values]);
  }
  return { kind: 'table', rows };
}

/** The rule-less tables among a document's lines, each with the range of lines it takes (end exclusive). */
export function columnTables(lines: ColumnLine[]): { start: number; end: number; block: Block }[] {
  return findRegions(lines).flatMap((region) => {
    const block = blockOf(region);
    return block ? [{ start: region.start, end: region.end, block }] : [];
  });
}
