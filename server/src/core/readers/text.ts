import type { Message, Span } from '../model';
import { type FigureRun, type RunRow, type SplitCell, splitTable } from '../parse/split';
import { findHeadings } from '../parse/headings';
import { lineAt, lineStartsOf } from '../parse/text';
import { unreadMark } from '../parse/unread';
import { renderRows } from '../render';
import {
  type EditionId,
  type TableDef,
  editionForYear,
  fold,
  isGroupLabel,
  matchRow,
  tableForItem,
  tablesOf,
} from '../standard';
import type { Origin, ReaderNote, SourceDocument } from './types';

/**
 * Page text as government-site archives store it: the report body on one or a few lines, headings inside lines,
 * table cells run together (`（七）总计580000058`). Read by structure: the standard's section titles found in order
 * anywhere in a line, table rows split at the standard's row labels, runs of figures split into cells by the table's
 * column count and relations (core/parse/split.ts). A table whose figures allow several splits is kept as it was
 * written, marked ambiguous, never guessed.
 */

/** The archive's line between the page's metadata and the report body. */
const BODY_MARK = /^=+\s*正文\s*=+\s*$/;
const TITLE_LINE = /^标题[:：]\s*(\S.*)$/;
/** A line this long holding section titles is a whole report body run together. */
const LONG_LINE = 200;

/** Whether a text is scraped page text: a long line holding section headings inside it (not at its start). */
export function looksScraped(text: string): boolean {
  if (text.split('\n', 40).some((line) => BODY_MARK.test(line))) return true;
  const starts = lineStartsOf(text);
  let inside = 0;
  for (let n = 0; n < starts.length; n++) {
    const end = n + 1 < starts.length ? starts[n + 1] - 1 : text.length;
    if (end - starts[n] < LONG_LINE) continue;
    inside += findHeadings(text, starts[n], end).filter((h) => h.start > starts[n] + 2).length;
    if (inside >= 2) return true;
  }
  return false;
}

// Runs of figures -------------------------------------------------------------------------------------------------

interface Token {
  /** The text before the run (a label, a header, narrative), with its offset. */
  chunk: { text: string; offset: number };
  run: FigureRun;
  /** Where the run (or the chunk, for a run-less last token) ends in the text. */
  end: number;
}

const isDigit = (c: string | undefined) => c !== undefined && c >= '0' && c <= '9';
const isSpace = (c: string | undefined) => c === ' ' || c === '\u00a0' || c === '\u3000' || c === '\t';
const isHan = (c: string | undefined) => c !== undefined && /\p{Script=Han}/u.test(c);

/** The run of figures at `at`: digits, a decimal point between digits, spaces between digits. */
function runAt(text: string, at: number, to: number): { groups: { text: string; offset: number }[]; end: number } {
  const groups: { text: string; offset: number }[] = [];
  let i = at;
  while (i < to && isDigit(text[i])) {
    const start = i;
    while (i < to && (isDigit(text[i]) || (text[i] === '.' && isDigit(text[i + 1]) && isDigit(text[i - 1])))) i++;
    groups.push({ text: text.slice(start, i), offset: start });
    let j = i;
    while (j < to && isSpace(text[j])) j++;
    if (!isDigit(text[j])) break;
    i = j;
  }
  return { groups, end: i };
}

/**
 * The text as alternating chunks and runs. A digit just before `.`/`、` and a Chinese character is the numbering of
 * the next label (`…00000002.其他法律…`); four digits of a year before `年` open the narrative after a table
 * (`行政事业性收费02025年，我局…`).
 */
function tokenize(text: string, from: number, to: number): Token[] {
  const tokens: Token[] = [];
  let chunkStart = from;
  let i = from;
  while (i < to) {
    if (!isDigit(text[i]) || (i > from && isDigit(text[i - 1]))) {
      i++;
      continue;
    }
    const { groups, end } = runAt(text, i, to);
    let runEnd = end;
    const last = groups[groups.length - 1];
    if (/[.．、]/.test(text[end] ?? '') && isHan(text[end + 1])) {
      // The run's last digit numbers the next label.
      last.text = last.text.slice(0, -1);
      runEnd = end - 1;
      if (!last.text) groups.pop();
    } else if (text[end] === '年' && last.text.length > 4 && /(?:19|20)\d\d$/.test(last.text)) {
      last.text = last.text.slice(0, -4);
      runEnd = end - 4;
    }
    if (groups.length === 0 || groups.every((g) => g.text === '')) {
      i = end;
      continue;
    }
    tokens.push({ chunk: { text: text.slice(chunkStart, i), offset: chunkStart }, run: { groups }, end: runEnd });
    chunkStart = runEnd;
    i = runEnd;
    while (i < to && isDigit(text[i]) && i < end) i++;
  }
  if (chunkStart < to) tokens.push({ chunk: { text: text.slice(chunkStart, to), offset: chunkStart }, run: { groups: [] }, end: to });
  return tokens;
}

const NUMBERING = /(?:[一二三四五六七]、|[（(][一二三四五六七][）)]|[1-9][.．、])/g;

/** The standard row a chunk ends with, and where its label starts (its numbering included). */
function rowLabelOf(def: TableDef, chunk: { text: string; offset: number }): { row: RunRow['def']; start: number; text: string } | undefined {
  const text = chunk.text.trimEnd();
  const folded = fold(text);
  let best: { row: RunRow['def']; at: number } | undefined;
  for (const row of def.rows) {
    for (const label of [row.label, ...row.variants]) {
      if (!label || !folded.endsWith(fold(label))) continue;
      let at = text.length - label.length;
      if (row.number && fold(text.slice(0, at)).endsWith(fold(row.number))) at -= row.number.length;
      if (!best || at < best.at) best = { row, at };
    }
  }
  if (!best) {
    // A label worded otherwise (`属于行政执法案件`): the text after the last numbering, if it is near a standard label.
    let at = -1;
    for (const m of text.matchAll(NUMBERING)) at = m.index;
    const tail = at >= 0 ? text.slice(at) : text.length <= 40 ? text : '';
    const match = tail ? matchRow(def, tail) : undefined;
    if (match) best = { row: match.def, at };
  }
  if (!best) return undefined;
  const start = chunk.offset + best.at;
  return { row: best.row, start, text: text.slice(best.at).trim() };
}

// The draft -------------------------------------------------------------------------------------------------------

class Draft {
  text = '';
  origins: Origin[] = [];
  notes: ReaderNote[] = [];
  private readonly lineStarts: number[];
  constructor(private readonly source: string) {
    this.lineStarts = lineStartsOf(source);
  }
  /** Appends `piece`; where `from` is given, the piece is the source's text at that offset. */
  put(piece: string, from?: number): void {
    if (from !== undefined && piece) {
      const line = lineAt(this.lineStarts, from);
      this.origins.push({ start: this.text.length, end: this.text.length + piece.length, location: { line: line + 1, column: from - this.lineStarts[line] + 1 } });
    }
    this.text += piece;
  }
  /** A paragraph of the source's text [start, end), trimmed; nothing where it is blank. */
  paragraph(start: number, end: number): void {
    while (start < end && /\s/.test(this.source[start])) start++;
    while (end > start && /\s/.test(this.source[end - 1])) end--;
    if (start >= end) return;
    this.put(this.source.slice(start, end).split('\n').map((part) => part.trim()).join(' '), start);
    this.put('\n\n');
  }
  note(kind: ReaderNote['kind'], span: Span, message: Message): void {
    this.notes.push({ kind, span, message });
  }
}

const AMBIGUOUS: Record<'several-splits' | 'short-row', Message> = {
  'several-splits': { zh: '表格数字连写，可拆分为多种方式，无法确定各格数值', en: 'the figures run together and can be split into cells in more than one way' },
  'short-row': { zh: '表格某行数字少于列数（有空格），无法确定空格位置', en: 'a row has fewer figures than columns (a blank cell) and the blank cannot be placed' },
};
const UNREADABLE: Message = { zh: '表格数字连写，无法拆分为与列数相符的数值', en: 'the figures run together and cannot be split into as many cells as the table has columns' };
const RECOVERED: Message = { zh: '表格数字由连写文本拆分恢复（唯一拆分）', en: 'the figures were recovered from run-together text (the only possible split)' };

/** A table read from runs: written as a GFM table (unique split) or kept as written behind a marker. */
function writeTable(draft: Draft, def: TableDef, edition: EditionId, rows: RunRow[], span: Span, item?: string): void {
  const result = splitTable(def, edition, rows);
  const start = draft.text.length;
  if (result.kind !== 'unique') {
    const reason = result.kind === 'unreadable' ? 'no-split' : result.reason;
    draft.put(`${unreadMark(result.kind, reason)}\n`);
    draft.paragraph(span.start, span.end);
    const message = result.kind === 'unreadable' ? UNREADABLE : AMBIGUOUS[result.reason];
    draft.note(result.kind === 'unreadable' ? 'table-unreadable' : 'table-ambiguous', { start, end: draft.text.length }, message);
    return;
  }
  if (item) {
    draft.put(item, span.start);
    draft.put('\n\n');
  }
  const tableStart = draft.text.length;
  const rendered = renderRows(def, rows.map((r, i) => ({ def: r.def, label: r.label.text || undefined, values: result.rows[i].map((c) => c.text) })));
  const lines = rendered.split('\n');
  const bodyFrom = lines.length - rows.length;
  lines.forEach((line, n) => {
    if (n < bodyFrom) {
      draft.put(`${line}\n`);
      return;
    }
    const row = rows[n - bodyFrom];
    const cells: SplitCell[] = result.rows[n - bodyFrom];
    // Value cells are the last ones of the line; the label cells before them hold the groups and the row's label.
    const parts = line.split(' | ');
    const valuesFrom = parts.length - cells.length;
    parts.forEach((part, p) => {
      const text = p === 0 ? part.replace(/^\| ?/, '') : p === parts.length - 1 ? part.replace(/ ?\|$/, '') : part;
      const lead = p === 0 ? part.slice(0, part.length - text.length) : '';
      const trail = p === parts.length - 1 ? part.slice(lead.length + text.length) : '';
      if (p > 0) draft.put(' | ');
      draft.put(lead);
      if (p >= valuesFrom) draft.put(text, cells[p - valuesFrom].offset);
      else if (row.label.text && text === row.label.text) draft.put(text, row.label.offset);
      else draft.put(text);
      draft.put(trail);
    });
    draft.put('\n');
  });
  draft.put('\n');
  if (rows.some((r) => r.run.groups.length < def.columns.length)) draft.note('figures-recovered', { start: tableStart, end: draft.text.length }, RECOVERED);
}

/** The rows of one table from its tokens; the index of the first token past the table. */
function rowsOf(def: TableDef, tokens: Token[], from: number): { rows: RunRow[]; next: number; labelled: boolean } {
  const rows: RunRow[] = [];
  const seen = new Set<string>();
  let i = from;
  for (; i < tokens.length; i++) {
    const token = tokens[i];
    if (def.section === 'appeals') {
      if (rows.length || token.run.groups.length === 0) break;
      rows.push({ def: def.rows[0], label: { text: '', offset: token.chunk.offset }, run: token.run });
      continue;
    }
    const label = rowLabelOf(def, token.chunk);
    if (!label) {
      const rest = token.chunk.text.trim();
      if (token.run.groups.length === 0 && rest && rows.length && isGroupLabel(def, rest.replace(NUMBERING, ''))) continue;
      if (token.run.groups.length === 0 && (rest === '' || isGroupLabel(def, rest))) continue;
      break;
    }
    if (token.run.groups.length === 0 || seen.has(label.row.id)) break;
    seen.add(label.row.id);
    rows.push({ def: label.row, label: { text: label.text, offset: label.start }, run: token.run });
  }
  return { rows, next: i, labelled: rows.length > 0 };
}

/** The edition whose table for this item the header text names (the report year's edition where both or neither do). */
function editionOf(candidates: TableDef[], header: string, byYear: EditionId): EditionId {
  const named = candidates.filter((def) => def.columns.some((c) => fold(header).includes(fold(c.label))));
  return named.length === 1 ? (tablesOf('2019').includes(named[0]) ? '2019' : '2021') : byYear;
}

const ITEM = /第二十条第[（(][一二三四五六七八九十]+[）)]项/g;

function writeProactive(draft: Draft, text: string, from: number, to: number, byYear: EditionId): void {
  const items = [...text.slice(from, to).matchAll(ITEM)].map((m) => ({ text: m[0], start: from + m.index, end: from + m.index + m[0].length }));
  let written = from;
  items.forEach((item, n) => {
    const segmentEnd = n + 1 < items.length ? items[n + 1].start : to;
    const defs = (['2021', '2019'] as const).map((e) => tableForItem(e, item.text)).filter((d): d is TableDef => !!d);
    if (defs.length === 0) return;
    const tokens = tokenize(text, item.end, segmentEnd);
    const edition = editionOf(defs, tokens[0]?.chunk.text ?? '', byYear);
    const def = tableForItem(edition, item.text) ?? defs[0];
    const { rows, next } = rowsOf(def, tokens, 0);
    if (rows.length === 0) return;
    draft.paragraph(written, item.start);
    const end = next < tokens.length ? tokens[next - 1].end : segmentEnd;
    writeTable(draft, def, edition, rows, { start: item.start, end }, item.text);
    written = end;
  });
  draft.paragraph(written, to);
}

function writeTableSection(draft: Draft, text: string, from: number, to: number, def: TableDef, edition: EditionId): void {
  const tokens = tokenize(text, from, to);
  const first = tokens.findIndex((t) => (def.section === 'appeals' ? fold(t.chunk.text).includes('尚未审结') || t.run.groups.length > 0 : rowLabelOf(def, t.chunk)));
  if (first < 0) {
    draft.paragraph(from, to);
    return;
  }
  const { rows, next } = rowsOf(def, tokens, first);
  if (rows.length === 0) {
    draft.paragraph(from, to);
    return;
  }
  // The table starts at its header (the 勾稽关系 note, 申请人情况, 行政复议) where it has one.
  const chunk = tokens[first].chunk;
  const header = /[（(]本列数据|申请人情况|行政复议/.exec(chunk.text);
  const start = header ? chunk.offset + header.index : rows[0].label.offset;
  const end = tokens[next - 1].end;
  draft.paragraph(from, start);
  writeTable(draft, def, edition, rows, { start, end });
  draft.paragraph(end, to);
}

const DATE_AT_END = /(\d{4})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日[\s\u3000]*$/;

/** The last section's text with its closing (issuing office, signing date) on lines of their own. */
function writeClosing(draft: Draft, text: string, from: number, to: number): void {
  const m = DATE_AT_END.exec(text.slice(Math.max(from, to - 80), to));
  if (!m) {
    draft.paragraph(from, to);
    return;
  }
  const dateStart = Math.max(from, to - 80) + m.index;
  const before = text.slice(from, dateStart);
  const sentenceEnd = Math.max(before.lastIndexOf('。'), before.lastIndexOf('；'), before.lastIndexOf('！'));
  const office = before.slice(sentenceEnd + 1).trim();
  const officeStart = office && office.length <= 40 ? from + sentenceEnd + 1 : dateStart;
  draft.paragraph(from, officeStart);
  draft.paragraph(officeStart, dateStart);
  draft.paragraph(dateStart, to);
}

/** Reads scraped page text into a draft with real lines and GFM tables, and the origins back to the file. */
export function readScrapedText(source: string): SourceDocument {
  const draft = new Draft(source);
  const lines = source.split('\n');
  const mark = lines.slice(0, 40).findIndex((line) => BODY_MARK.test(line));
  let bodyStart = 0;
  if (mark >= 0) {
    let offset = 0;
    for (let n = 0; n < mark; n++) {
      const title = TITLE_LINE.exec(lines[n].replace(/\r$/, ''));
      if (title) {
        draft.put('# ');
        draft.put(title[1].trim(), offset + lines[n].indexOf(title[1]));
        draft.put('\n\n');
      }
      offset += lines[n].length + 1;
    }
    bodyStart = offset + lines[mark].length + 1;
  }
  const headings = findHeadings(source, bodyStart, source.length);
  const titleYear = /((?:19|20)\d\d)\s*年/.exec(draft.text || source.slice(bodyStart, bodyStart + 200));
  const yearEdition = titleYear ? editionForYear(Number(titleYear[1])) : '2021';
  const edition: EditionId = yearEdition === '2019' ? '2019' : '2021';
  draft.paragraph(bodyStart, headings[0]?.start ?? source.length);
  headings.forEach((h, n) => {
    const to = n + 1 < headings.length ? headings[n + 1].start : source.length;
    draft.put('## ');
    draft.put(source.slice(h.start, h.end).trim(), h.start);
    draft.put('\n\n');
    if (h.def.id === 'proactive') writeProactive(draft, source, h.end, to, edition);
    else if (h.def.id === 'requests' || h.def.id === 'appeals') writeTableSection(draft, source, h.end, to, tablesOf(edition, h.def.id)[0], edition);
    else if (n === headings.length - 1) writeClosing(draft, source, h.end, to);
    else draft.paragraph(h.end, to);
  });
  return { kind: 'text', text: draft.text, origins: draft.origins, notes: draft.notes };
}

