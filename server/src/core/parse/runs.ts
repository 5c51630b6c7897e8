import type { Span } from '../model';
import {
  type EditionId,
  type SectionId,
  type TableDef,
  editionsToTry,
  fold,
  hasItemTables,
  isGroupLabel,
  matchRow,
  TABLE_SECTIONS,
  tableForItem,
  tablesOf,
} from '../standard';
import { type FigureRun, type RunRow, type SplitResult, splitTable } from './split';

/**
 * Tables whose rows ran together with their figures (`一、本年新收政府信息公开申请数量280000028二、上年结转…`), as
 * scraped page text and pasted text that lost its separators have them: rows split at the standard's row labels,
 * each row's run of figures split into cells by splitTable.
 */
export interface RunTable {
  def: TableDef;
  edition: EditionId;
  rows: RunRow[];
  /** From the table's header (or the item name, in Section 二) to the end of its last row's figures. */
  span: Span;
  /** Section 二: the item name, where the table follows one. */
  item?: { text: string; span: Span };
  result: SplitResult;
}

interface Token {
  /** The text before the run (a label, a header, narrative), with its offset. */
  chunk: { text: string; offset: number };
  run: FigureRun;
  /** Where the run (or the chunk, for a run-less last token) ends in the text. */
  end: number;
}

const isDigit = (c: string | undefined) => c !== undefined && c >= '0' && c <= '9';
const isSpace = (c: string | undefined) => c === ' ' || c === '\u00a0' || c === '\u3000' || c === '\t';
const HAN = /\p{Script=Han}/u;
const isHan = (c: string | undefined) => c !== undefined && HAN.test(c);

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
function rowLabelOf(
  def: TableDef,
  whole: { text: string; offset: number },
  sameLine: boolean,
): { row: RunRow['def']; start: number; text: string } | undefined {
  const cut = sameLine ? whole.text.lastIndexOf('\n') + 1 : 0;
  const chunk = { text: whole.text.slice(cut), offset: whole.offset + cut };
  const text = chunk.text.trimEnd();
  // Every standard label is Chinese: a chunk without a Chinese character (`,` between figures) ends with none.
  if (!HAN.test(text)) return undefined;
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

/** The rows of one table from its tokens, and where its last row's figures end. */
function rowsOf(def: TableDef, tokens: Token[], from: number, sameLine: boolean): { rows: RunRow[]; end: number } {
  const rows: RunRow[] = [];
  const seen = new Set<string>();
  let end = tokens[from]?.end ?? 0;
  for (let i = from; i < tokens.length; i++) {
    const token = tokens[i];
    if (def.labelColumns === 0) {
      if (rows.length || token.run.groups.length === 0) break;
      rows.push({ def: def.rows[0], label: { text: '', offset: token.chunk.offset }, run: token.run });
      end = token.end;
      continue;
    }
    const label = rowLabelOf(def, token.chunk, sameLine);
    if (!label) {
      const rest = token.chunk.text.trim();
      if (token.run.groups.length === 0 && rest && rows.length && isGroupLabel(def, rest.replace(NUMBERING, ''))) continue;
      if (token.run.groups.length === 0 && (rest === '' || isGroupLabel(def, rest))) continue;
      break;
    }
    if (token.run.groups.length === 0 || seen.has(label.row.id)) break;
    seen.add(label.row.id);
    rows.push({ def: label.row, label: { text: label.text, offset: label.start }, run: token.run });
    end = token.end;
  }
  return { rows, end };
}

/**
 * The table an item announces, of the edition whose column labels its header text names (the report year's edition
 * where several or none do).
 */
function itemTable(item: string, header: string, byYear: EditionId): { def: TableDef; edition: EditionId } | undefined {
  const candidates = editionsToTry(byYear).flatMap((edition) => {
    const def = tableForItem(edition, item);
    return def ? [{ def, edition }] : [];
  });
  const named = candidates.filter(({ def }) => def.columns.some((c) => fold(header).includes(fold(c.label))));
  return named.length === 1 ? named[0] : candidates[0];
}

const ITEM = /第二十条第[（(][一二三四五六七八九十]+[）)]项/g;

function proactiveTables(text: string, from: number, to: number, byYear: EditionId, sameLine: boolean): RunTable[] {
  const items = [...text.slice(from, to).matchAll(ITEM)].map((m) => ({
    text: m[0],
    span: { start: from + m.index, end: from + m.index + m[0].length },
  }));
  const tables: RunTable[] = [];
  items.forEach((item, n) => {
    const segmentEnd = n + 1 < items.length ? items[n + 1].span.start : to;
    const tokens = tokenize(text, item.span.end, segmentEnd);
    const table = itemTable(item.text, tokens[0]?.chunk.text ?? '', byYear);
    if (!table) return;
    const { def, edition } = table;
    const { rows, end } = rowsOf(def, tokens, 0, sameLine);
    if (rows.length === 0) return;
    tables.push({ def, edition, rows, span: { start: item.span.start, end }, item, result: splitTable(def, edition, rows) });
  });
  return tables;
}

/** The one table of Section 三 or 四. */
function sectionTable(
  text: string,
  from: number,
  to: number,
  def: TableDef,
  edition: EditionId,
  { minRows, sameLine }: RunOptions,
): RunTable | undefined {
  const tokens = tokenize(text, from, to);
  // A table without row labels (Section 四's one row) starts after its header's column labels.
  const first = tokens.findIndex((t) =>
    def.labelColumns === 0 ? def.columns.some((c) => fold(t.chunk.text).includes(fold(c.label))) : rowLabelOf(def, t.chunk, sameLine),
  );
  if (first < 0) return undefined;
  const { rows, end } = rowsOf(def, tokens, first, sameLine);
  if (rows.length < Math.min(minRows, def.rows.length)) return undefined;
  // The table starts at its header (the 勾稽关系 note, 申请人情况, 行政复议) where it has one.
  const chunk = tokens[first].chunk;
  const header = /[（(]本列数据|申请人情况|行政复议/.exec(chunk.text);
  const start = header ? chunk.offset + header.index : rows[0].label.offset;
  return { def, edition, rows, span: { start, end }, result: splitTable(def, edition, rows) };
}

export interface RunOptions {
  /** How many rows it takes to be taken for a table (at most all its rows). */
  minRows: number;
  /** Labels only on the line of their figures (pasted text keeps its lines; scraped text has none). */
  sameLine: boolean;
}

/** The run-together tables of a section's text [from, to), in order. */
export function runTables(
  text: string,
  from: number,
  to: number,
  section: SectionId,
  edition: EditionId,
  options: RunOptions = { minRows: 1, sameLine: false },
): RunTable[] {
  if (hasItemTables(section)) return proactiveTables(text, from, to, edition, options.sameLine);
  if (!TABLE_SECTIONS.includes(section)) return [];
  const table = sectionTable(text, from, to, tablesOf(edition, section)[0], edition, options);
  return table ? [table] : [];
}
