import type { Cell, Row, Table, UnreadTable } from '../model';
import { type EditionId, type SectionId, NEWEST_EDITION, hasItemTables, itemNumeral, matchRow } from '../standard';
import { type LineSource, type Piece, readPieces } from './blocks';
import { type RunTable, runTables } from './runs';
import type { SplitCell } from './split';
import { readTables } from './tables';
import { isBlank, lineSpan } from './text';
import { parseValue } from './values';

/**
 * The mark a reader writes before a table it kept as written because it could not read it into cells
 * (`<!-- govreport-table ambiguous several-splits -->`); the lines after it, up to a blank line, are that table.
 */
const MARK = /^[ \t]*<!--[ \t]*govreport-table[ \t]+(ambiguous|unreadable)[ \t]+([a-z-]+)[ \t]*-->[ \t]*$/;
const ITEM = /第二十条第[（(][一二三四五六七八九十]+[）)]项/;

export function unreadMark(kind: UnreadTable['kind'], reason: string): string {
  return `<!-- govreport-table ${kind} ${reason} -->`;
}

/** A section body's tables, and the tables marked as unread in it (their lines are not read as tables). */
export function readSectionBody(
  src: LineSource,
  from: number,
  to: number,
  section: SectionId,
  edition: EditionId | undefined,
): { tables: Table[]; unread: UnreadTable[] } {
  const pieces: Piece[] = [];
  const unread: UnreadTable[] = [];
  const lineText = (n: number) => {
    const span = lineSpan(src.text, src.lineStarts, n);
    return src.text.slice(span.start, span.end);
  };
  let start = from;
  for (let n = from; n < to; n++) {
    const mark = lineText(n).includes('govreport-table') ? MARK.exec(lineText(n)) : null;
    if (!mark) continue;
    pieces.push(...readPieces(src, start, n));
    let last = n + 1;
    while (last < to && !isBlank(lineText(last)) && !src.headingLines.has(last)) last++;
    const first = last > n + 1 ? n + 1 : n;
    const span = { start: lineSpan(src.text, src.lineStarts, first).start, end: lineSpan(src.text, src.lineStarts, last - 1).end };
    const item = ITEM.exec(src.text.slice(span.start, span.end))?.[0];
    unread.push({ kind: mark[1] as UnreadTable['kind'], reason: mark[2], span, ...(item ? { item } : {}) });
    start = last;
    n = last - 1;
  }
  pieces.push(...readPieces(src, start, to));
  const tables = readTables(pieces, section, edition);
  if (hasItemTables(section) || (tables.length === 0 && unread.length === 0))
    readRunTogether(src, from, to, section, edition, tables, unread);
  return { tables, unread };
}

/**
 * Tables whose labels and figures ran together (a paste that lost its separators: `一、本年新收政府信息公开申请数量
 * 280000028`): read in place where the digits allow one split, marked ambiguous or unreadable where they do not.
 * In Section 二, only items no table was read for; a table of labelled rows takes two at least (a sentence naming
 * one row's figure is not a table).
 */
function readRunTogether(
  src: LineSource,
  from: number,
  to: number,
  section: SectionId,
  edition: EditionId | undefined,
  tables: Table[],
  unread: UnreadTable[],
): void {
  const start = from < src.lineStarts.length ? src.lineStarts[from] : src.text.length;
  const end = to < src.lineStarts.length ? src.lineStarts[to] : src.text.length;
  const read = new Set([...tables.map((t) => t.def.item), ...unread.map((u) => u.item)].map((item) => item && itemNumeral(item)));
  for (const run of runTables(src.text, start, end, section, edition ?? NEWEST_EDITION, {
    minRows: hasItemTables(section) ? 1 : 2,
    sameLine: true,
  })) {
    if (run.def.item && read.has(itemNumeral(run.def.item))) continue;
    if (run.result.kind === 'unique') tables.push(tableOfRuns(run, run.result.rows));
    else unread.push({ kind: run.result.kind, reason: run.result.reason, span: run.span, ...(run.item ? { item: run.item.text } : {}) });
  }
}

const cellAt = (text: string, offset: number): Cell => ({
  text,
  span: { start: offset, end: offset + text.length },
  value: parseValue(text),
});

function tableOfRuns(run: RunTable, cells: SplitCell[][]): Table {
  const rows: Row[] = run.rows.map((r, i) => {
    const label = r.label.text ? cellAt(r.label.text, r.label.offset) : undefined;
    const values = cells[i].map((c) => cellAt(c.text, c.offset));
    const span = { start: label?.span.start ?? values[0].span.start, end: values[values.length - 1].span.end };
    return {
      span,
      labels: label ? [label] : [],
      values,
      extra: [],
      def: r.def,
      wording: (label && matchRow(run.def, label.text)?.wording) || 'standard',
      label,
    };
  });
  const item = run.item && cellAt(run.item.text, run.item.span.start);
  return { def: run.def, edition: run.edition, layout: 'run-together', span: run.span, item, headerLabels: [], rows };
}
