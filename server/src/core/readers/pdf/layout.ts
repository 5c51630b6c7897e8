/** The layout of a PDF's pages read back into blocks: text runs → lines → paragraphs, headings and tables. */
import { EDITIONS, fold, isGroupLabel, itemNumeral, labelKey, matchColumn, matchRow, matchSection, numberingOf } from '../../standard';
import { oneLine } from '../draft';
import type { Block, BlockCell } from '../types';
import { type Chunk, type ColumnLine, columnTables } from './columns';
import { type Box, type Frame, type GridCell, type Rule, cellsOf, cluster, framesOf } from './geometry';

/** A positioned piece of text as pdf.js gives it: baseline start (x, y), advance width and font size. */
export interface TextRun {
  text: string;
  x: number;
  y: number;
  width: number;
  size: number;
}

export interface PageContent {
  /** 1-based. */
  number: number;
  /** The page's box (media box), PDF units. */
  box: Box;
  runs: TextRun[];
  rules: Rule[];
}

interface Line extends ColumnLine {
  text: string;
}

interface TablePart {
  page: number;
  frame: Frame;
  /** Grid rows (after rows that only split a merged label are joined back). */
  rows: number;
  cells: (GridCell & { text: string })[];
}

type Item = { kind: 'line'; line: Line } | { kind: 'table'; parts: TablePart[] } | { kind: 'block'; block: Block };

const CJK = /[\p{Script=Han}\u3000-\u303f\uff00-\uffef]/u;

/** Runs of one baseline joined left to right, a space where a gap sets them apart. */
function joinRuns(runs: TextRun[]): string {
  let text = '';
  let end = -Infinity;
  for (const run of [...runs].sort((a, b) => a.x - b.x)) {
    const gap = run.x - end;
    const last = text.at(-1) ?? '';
    const first = run.text[0] ?? '';
    // A gap beside a Chinese character is justification or the writer's spacing of figures, unless it is as wide
    // as a column gap.
    const apart = gap > run.size * (CJK.test(last) || CJK.test(first) ? COLUMN_GAP : 0.25);
    if (text && apart && last.trim() && first.trim()) text += ' ';
    // pdf.js reads the gap a writer leaves between Chinese and figures (LibreOffice, Word) as a space.
    text += run.text.replace(/(?<=\p{Script=Han})[ \u00a0]+(?=\d)|(?<=\d)[ \u00a0]+(?=\p{Script=Han})/gu, '');
    end = Math.max(end, run.x + run.width);
  }
  return text;
}

/** Runs farther apart than this many characters stand in different cells or columns. */
const COLUMN_GAP = 1.2;

/** A line's runs split where a column gap sets them apart. */
function chunksOf(runs: TextRun[]): Chunk[] {
  const chunks: TextRun[][] = [];
  for (const run of [...runs].sort((a, b) => a.x - b.x)) {
    const last = chunks[chunks.length - 1]?.at(-1);
    if (last && run.x - (last.x + last.width) <= Math.max(last.size, run.size) * COLUMN_GAP) chunks[chunks.length - 1].push(run);
    else chunks.push([run]);
  }
  return chunks
    .map((c) => ({ text: joinRuns(c).trim(), x0: c[0].x, x1: Math.max(...c.map((r) => r.x + r.width)) }))
    .filter((c) => c.text !== '');
}

/** Runs grouped into lines by baseline, tolerant of small shifts (superscripts, mixed fonts), top to bottom. */
function linesOf(runs: TextRun[], page: number): Line[] {
  const sorted = [...runs].sort((a, b) => b.y - a.y || a.x - b.x);
  const groups: TextRun[][] = [];
  for (const run of sorted) {
    const group = groups[groups.length - 1];
    const base = group?.[0];
    if (base && Math.abs(base.y - run.y) <= Math.min(base.size, run.size) * 0.4) group.push(run);
    else groups.push([run]);
  }
  return groups
    .map((group) => {
      const size = Math.max(...group.map((r) => r.size));
      const text = joinRuns(group).trim();
      const x0 = Math.min(...group.map((r) => r.x));
      const x1 = Math.max(...group.map((r) => r.x + r.width));
      const y = group[0].y;
      return { page, text, box: [x0, y - size * 0.2, x1, y + size * 0.8] as Box, y, size, chunks: chunksOf(group) };
    })
    .filter((line) => line.text !== '');
}

/** A run split into its characters where it crosses a column line of a table (one run over several cells). */
function splitAcross(run: TextRun, xs: number[]): TextRun[] {
  const chars = [...run.text];
  if (chars.length < 2 || !xs.some((x) => x > run.x + 2 && x < run.x + run.width - 2)) return [run];
  const advance = run.width / chars.length;
  return chars.map((text, i) => ({ ...run, text, x: run.x + i * advance, width: advance }));
}

const inside = (box: Box, x: number, y: number, margin = 1) =>
  x >= box[0] - margin && x <= box[2] + margin && y >= box[1] - margin && y <= box[3] + margin;

/**
 * Text a cell cut by a page break lets run past the table's last rule (Chromium prints the rest of a merged header
 * cell so): runs that close the page just below the table, each inside one value column, go back into that cell.
 */
function overflow(frames: { frame: Frame; cells: GridCell[] }[], texts: TextRun[][][], rest: TextRun[]): void {
  const last = frames.reduce<number>((low, f, i) => (low < 0 || f.frame.box[1] < frames[low].frame.box[1] ? i : low), -1);
  if (last < 0) return;
  const { frame, cells } = frames[last];
  const below = rest.filter((r) => r.y < frame.box[1]).sort((a, b) => b.y - a.y);
  let bottom = frame.box[1];
  const taken: TextRun[] = [];
  for (const run of below) {
    const cell = cells.findIndex(
      (c) => c.col > 0 && c.rowEnd === frame.ys.length - 1 && run.x >= c.box[0] && run.x + run.width <= c.box[2],
    );
    if (cell < 0 || bottom - (run.y + run.size) > run.size * 1.5) break;
    taken.push(run);
    texts[last][cell].push(run);
    bottom = run.y;
  }
  for (const run of taken) rest.splice(rest.indexOf(run), 1);
}

/**
 * A grid row where no cell but the first column's starts is no row of the table: a rule that cuts only a merged
 * label. Its first cell joins the one above.
 */
function joinSplitRows(part: TablePart): TablePart {
  const drop = (row: number) => {
    for (const c of part.cells) {
      if (c.row > row) c.row--;
      if (c.rowEnd > row) c.rowEnd--;
    }
    part.rows--;
  };
  for (let row = part.rows - 1; row >= 0 && part.rows > 1; row--) {
    const starting = part.cells.filter((c) => c.row === row);
    // A blank strip (where a table cut by a page break lets its merged labels run on) is no row either.
    const strip = starting.filter((c) => c.rowEnd === row + 1);
    if (strip.length > 0 && strip.every((c) => c.text === '') && starting.length - strip.length <= 3) {
      part.cells = part.cells.filter((c) => !strip.includes(c));
      drop(row);
      continue;
    }
    if (row === 0 || starting.length !== 1 || starting[0].col > 0) continue;
    const [below] = starting;
    const above = part.cells.find((c) => c.col === below.col && c.colEnd === below.colEnd && c.rowEnd === row);
    if (!above) continue;
    above.text = [above.text, below.text].filter(Boolean).join('\n');
    above.rowEnd = below.rowEnd;
    above.box = [above.box[0], below.box[1], above.box[2], above.box[3]];
    part.cells.splice(part.cells.indexOf(below), 1);
    drop(row);
  }
  return part;
}

/** The tables of a page (frames of at least two cells) with their cells' text, and the runs outside them. */
function tablesOf(page: PageContent): { parts: TablePart[]; rest: TextRun[] } {
  const frames = framesOf(page.rules)
    .map((frame) => ({ frame, cells: cellsOf(frame) }))
    .filter((f) => f.cells.length >= 2);
  const texts = frames.map((f) => f.cells.map((): TextRun[] => []));
  const rest: TextRun[] = [];
  for (const whole of page.runs) {
    const center = (run: TextRun) => [run.x + run.width / 2, run.y + run.size * 0.3] as const;
    const at = frames.findIndex((f) => inside(f.frame.box, ...center(whole)));
    if (at < 0) {
      rest.push(whole);
      continue;
    }
    for (const run of splitAcross(whole, frames[at].frame.xs)) {
      const [cx, cy] = center(run);
      const cell = frames[at].cells.findIndex((c) => inside(c.box, cx, cy, 0.5));
      if (cell >= 0) texts[at][cell].push(run);
    }
  }
  overflow(frames, texts, rest);
  const parts = frames.map((f, i) =>
    joinSplitRows({
      page: page.number,
      frame: f.frame,
      rows: f.frame.ys.length - 1,
      cells: f.cells.map((cell, c) => ({
        ...cell,
        text: linesOf(texts[i][c], page.number)
          .map((l) => l.text)
          .join('\n'),
      })),
    }),
  );
  return { parts, rest };
}

// Running headers, footers and page numbers ------------------------------------------------------------------------
const PAGE_NUMBER = [
  /^[-—–－·•\s]*\d{1,4}[-—–－·•\s]*$/,
  /^第\s*\d{1,4}\s*页(?:\s*[,，/]?\s*共\s*\d{1,4}\s*页)?$/,
  /^\d{1,4}\s*\/\s*\d{1,4}$/,
  /^(?:page|p\.)\s*\d{1,4}(?:\s*(?:of|\/)\s*\d{1,4})?$/i,
];
/** The share of the page height at its top and bottom where running headers and footers stand. */
const MARGIN = 0.1;

function inMargin(line: Line, page: PageContent): boolean {
  const height = page.box[3] - page.box[1];
  return line.box[1] >= page.box[3] - height * MARGIN || line.box[3] <= page.box[1] + height * MARGIN;
}

/** Lines in the page margins that are page numbers or that repeat on several pages (digits aside). */
function chromeOf(pages: { page: PageContent; lines: Line[] }[]): Set<Line> {
  const chrome = new Set<Line>();
  const seen = new Map<string, Line[]>();
  for (const { page, lines } of pages) {
    for (const line of lines) {
      if (!inMargin(line, page)) continue;
      if (PAGE_NUMBER.some((re) => re.test(line.text))) chrome.add(line);
      const key = `${line.text.replace(/\d+/g, '#')}@${Math.round(line.y / 4)}`;
      seen.set(key, [...(seen.get(key) ?? []), line]);
    }
  }
  for (const lines of seen.values()) {
    if (new Set(lines.map((l) => l.page)).size >= Math.max(2, Math.ceil(pages.length / 2))) for (const l of lines) chrome.add(l);
  }
  return chrome;
}

// Reading order and tables over page breaks ------------------------------------------------------------------------
const top = (item: Item) => (item.kind === 'line' ? item.line.box[3] : item.kind === 'table' ? item.parts[0].frame.box[3] : 0);

/**
 * The same table when it ends one page and the next page opens with a table of the same right edge whose left edge
 * is one of its column lines (a merged label cut by the break may leave out its left border there).
 */
function continues(previous: Item | undefined, part: TablePart): previous is Item & { kind: 'table' } {
  if (previous?.kind !== 'table') return false;
  const before = previous.parts[previous.parts.length - 1];
  const near = (a: number, b: number) => Math.abs(a - b) <= 4;
  return (
    before.page === part.page - 1 &&
    near(before.frame.box[2], part.frame.box[2]) &&
    previous.parts.some((p) => p.frame.xs.some((x) => near(x, part.frame.box[0])))
  );
}

function itemsOf(pages: { page: PageContent; lines: Line[]; parts: TablePart[] }[], chrome: Set<Line>): Item[] {
  const items: Item[] = [];
  for (const { lines, parts } of pages) {
    const onPage: Item[] = [
      ...lines.filter((l) => !chrome.has(l)).map((line): Item => ({ kind: 'line', line })),
      ...parts.map((part): Item => ({ kind: 'table', parts: [part] })),
    ].sort((a, b) => top(b) - top(a));
    onPage.forEach((item, i) => {
      // The last item so far ends the previous page: a table there and one opening this page are one table.
      const previous = items[items.length - 1];
      if (item.kind === 'table' && i === 0 && continues(previous, item.parts[0])) {
        previous.parts.push(item.parts[0]);
      } else {
        items.push(item);
      }
    });
  }
  return items;
}

// Blocks -----------------------------------------------------------------------------------------------------------
/** Header rows a table repeats at the top of each page: the rows of `part` that equal the first table's first rows. */
function repeatedHeader(first: TablePart, part: TablePart): number {
  const textOf = (p: TablePart, rows: number) =>
    p.cells
      .filter((c) => c.row < rows)
      .map((c) => c.text)
      .join('|');
  const closed = (p: TablePart, rows: number) => p.cells.every((c) => c.row >= rows || c.rowEnd <= rows);
  for (let rows = Math.min(4, part.rows); rows >= 1; rows--) {
    if (closed(part, rows) && closed(first, rows) && textOf(part, rows) !== '' && textOf(part, rows) === textOf(first, rows)) return rows;
  }
  return 0;
}

const HAS_DIGIT = /\d/;
/** Text the standard names: a row or column label, a group heading, a Section 二 item. */
const isStandardLabel = (text: string) =>
  itemNumeral(text) !== undefined ||
  EDITIONS.some((e) => e.tables.some((t) => matchRow(t, text) || matchColumn(t, text) || isGroupLabel(t, text)));

/**
 * A row the page break cut in two (`2.没有现成信息需要另` | `行制作`, `商业` | `企业`): the next page opens with a row
 * of label text that is no standard label, below a row of figures or a row whose labels it completes. Its text joins
 * the cells above it; true if it did.
 */
function isRowTail(part: TablePart, row: number, placed: { row: number; col: number; cell: BlockCell }[], rows: number): boolean {
  const starting = part.cells.filter((c) => c.row === row);
  // Merged labels that go on below are left in place (blank ones only: text there cannot be put above).
  if (starting.some((c) => c.rowEnd > row + 1 && c.text)) return false;
  const first = starting.filter((c) => c.rowEnd === row + 1 && c.text);
  if (first.length === 0 || first.some((c) => HAS_DIGIT.test(c.text) || isStandardLabel(c.text))) return false;
  const above = placed.filter((p) => p.row + (p.cell.rowSpan ?? 1) === rows);
  const targets = first.map((cell) => above.find((p) => Math.abs((p.cell.location.box?.[0] ?? Infinity) - cell.box[0]) <= 4)?.cell);
  if (targets.some((t) => !t)) return false;
  const figuresAbove = above.some((p) => p.row === rows - 1 && HAS_DIGIT.test(p.cell.text));
  const completes = first.some(
    (cell, i) => !isStandardLabel(targets[i]!.text) && isStandardLabel(oneLine(`${targets[i]!.text}\n${cell.text}`)),
  );
  if (!figuresAbove && !completes) return false;
  first.forEach((cell, i) => (targets[i]!.text = `${targets[i]!.text}\n${cell.text}`));
  return true;
}

function tableBlock(parts: TablePart[]): Block {
  const xs = cluster(parts.flatMap((p) => p.frame.xs));
  const column = (x: number) => xs.reduce((best, v, i) => (Math.abs(v - x) < Math.abs(xs[best] - x) ? i : best), 0);
  const placed: { row: number; col: number; cell: BlockCell }[] = [];
  let rows = 0;
  for (const part of parts) {
    let skip = part === parts[0] ? 0 : repeatedHeader(parts[0], part);
    if (part !== parts[0] && isRowTail(part, skip, placed, rows)) skip++;
    for (const cell of part.cells.filter((c) => c.rowEnd > skip)) {
      const col = column(cell.box[0]);
      const row = Math.max(cell.row, skip);
      const location = { page: part.page, box: cell.box };
      placed.push({
        row: rows + row - skip,
        col,
        cell: { text: cell.text, rowSpan: cell.rowEnd - row, colSpan: Math.max(1, column(cell.box[2]) - col), location },
      });
    }
    rows += part.rows - skip;
  }
  // Positions no cell covers (the left of a part whose first column lost its border) are blank cells.
  const taken = Array.from({ length: rows }, () => new Array<boolean>(xs.length - 1).fill(false));
  for (const { row, col, cell } of placed) {
    for (let r = row; r < row + (cell.rowSpan ?? 1); r++)
      for (let c = col; c < col + (cell.colSpan ?? 1); c++) if (taken[r]) taken[r][c] = true;
  }
  const out: BlockCell[][] = Array.from({ length: rows }, () => []);
  for (const { row, col, cell } of placed.sort((a, b) => a.row - b.row || a.col - b.col)) {
    const line = out[row];
    const start = line.reduce((end, c) => end + (c.colSpan ?? 1), 0);
    let free = 0;
    for (let c = col - 1; c >= 0 && !taken[row][c]; c--) free++;
    if (free > 0 && start <= col - free) line.push({ text: '', colSpan: free, location: cell.location });
    line.push(cell);
  }
  return { kind: 'table', rows: out };
}

/** A line that names a standard section (numeral and most of the title's characters, as a heading does). */
function isSectionHeading(line: Line): boolean {
  const match = matchSection(line.text, false);
  if (!match || line.text.length > 40 || numberingOf(fold(line.text)).replace(/[、.]/g, '') !== match.def.numeral) return false;
  if (matchSection(line.text, true)) return true;
  const key = labelKey(line.text);
  const titles = [match.def.title, ...match.def.variants].map(labelKey);
  return titles.some((title) => [...title].filter((ch) => key.includes(ch)).length >= title.length * 0.6);
}

interface Paragraph {
  lines: Line[];
  heading?: number;
}

const isParagraph = (p: Paragraph | TablePart[] | Block): p is Paragraph => 'lines' in p;

/** Lines joined into paragraphs: a paragraph goes on while each line runs to the right edge of the text. */
function paragraphsOf(items: Item[], rightEdge: Map<number, number>): (Paragraph | TablePart[] | Block)[] {
  const out: (Paragraph | TablePart[] | Block)[] = [];
  let current: Paragraph | undefined;
  for (const item of items) {
    if (item.kind !== 'line') {
      out.push(item.kind === 'table' ? item.parts : item.block);
      current = undefined;
      continue;
    }
    const line = item.line;
    if (isSectionHeading(line)) {
      out.push({ lines: [line], heading: 2 });
      current = undefined;
      continue;
    }
    const last = current?.lines[current.lines.length - 1];
    // Lines set in columns (a table read as text) stay lines.
    const joins =
      last !== undefined &&
      last.chunks.length === 1 &&
      line.chunks.length === 1 &&
      Math.abs(last.size - line.size) <= Math.max(last.size, line.size) * 0.15 &&
      last.box[2] >= (rightEdge.get(last.page) ?? 0) - last.size * 2.5 &&
      line.box[0] <= last.box[0] + line.size * 0.8 &&
      (last.page === line.page ? last.y - line.y <= Math.max(last.size, line.size) * 2 : line.page === last.page + 1);
    if (current && joins) current.lines.push(line);
    else out.push((current = { lines: [line] }));
  }
  return out;
}

const YEAR_REPORT = /^.{0,40}\d{4}\s*年.{0,30}报告$/;

/** The report's title: the largest print before the first section heading, over one or more (centred) lines. */
function markTitle(paragraphs: (Paragraph | TablePart[] | Block)[], bodySize: number): void {
  const end = paragraphs.findIndex((p) => isParagraph(p) && p.heading === 2);
  const before = paragraphs.slice(0, end < 0 ? paragraphs.length : end);
  const largest = Math.max(0, ...before.map((p) => (isParagraph(p) ? p.lines[0].size : 0)));
  const larger = largest >= bodySize * 1.2;
  // In body print (a web page printed with its site around it): the one line that names a year's report.
  const at = before.findIndex(
    (p) => isParagraph(p) && (larger ? p.lines[0].size === largest : p.lines.length === 1 && YEAR_REPORT.test(p.lines[0].text)),
  );
  if (at < 0) return;
  const title = paragraphs[at] as Paragraph;
  title.heading = 1;
  while (at + 1 < before.length) {
    const next = paragraphs[at + 1];
    const last = title.lines[title.lines.length - 1];
    if (
      !larger ||
      !isParagraph(next) ||
      next.lines[0].size !== largest ||
      next.lines[0].page !== last.page ||
      last.y - next.lines[0].y > largest * 2
    )
      break;
    title.lines.push(...next.lines);
    paragraphs.splice(at + 1, 1);
  }
}

const boxOf = (lines: Line[]): Box => [
  Math.min(...lines.map((l) => l.box[0])),
  Math.min(...lines.map((l) => l.box[1])),
  Math.max(...lines.map((l) => l.box[2])),
  Math.max(...lines.map((l) => l.box[3])),
];

/** Runs of lines between ruled tables, with the rule-less tables among them made into table blocks. */
function withColumnTables(items: Item[]): Item[] {
  const out: Item[] = [];
  let lines: Line[] = [];
  const flush = () => {
    let at = 0;
    for (const { start, end, block } of columnTables(lines)) {
      out.push(...lines.slice(at, start).map((line): Item => ({ kind: 'line', line })), { kind: 'block', block });
      at = end;
    }
    out.push(...lines.slice(at).map((line): Item => ({ kind: 'line', line })));
    lines = [];
  };
  for (const item of items) {
    if (item.kind === 'line') {
      lines.push(item.line);
      continue;
    }
    flush();
    out.push(item);
  }
  flush();
  return out;
}

/** The blocks of a document's pages, in reading order. */
export function blocksOf(pages: PageContent[]): Block[] {
  const read = pages.map((page) => {
    const { parts, rest } = tablesOf(page);
    return { page, parts, lines: linesOf(rest, page.number) };
  });
  const chrome = chromeOf(read);
  const rightEdge = new Map(
    read.map(({ page, lines }) => [page.number, Math.max(0, ...lines.filter((l) => !chrome.has(l)).map((l) => l.box[2]))]),
  );
  const items = withColumnTables(itemsOf(read, chrome));
  const sizes = read.flatMap((r) => r.lines.flatMap((l) => Array<number>(l.text.length).fill(Math.round(l.size))));
  const bodySize = sizes.sort((a, b) => a - b)[Math.floor(sizes.length / 2)] ?? 0;
  const paragraphs = paragraphsOf(items, rightEdge);
  markTitle(paragraphs, bodySize);
  return paragraphs.map((p): Block => {
    if (Array.isArray(p)) return tableBlock(p);
    if (!isParagraph(p)) return p;
    const first = p.lines.filter((l) => l.page === p.lines[0].page);
    const location = { page: p.lines[0].page, box: boxOf(first) };
    const text = p.lines.map((l) => l.text).join('\n');
    return p.heading ? { kind: 'heading', level: p.heading, text, location } : { kind: 'paragraph', text, location };
  });
}
