import type { Table, UnreadTable } from '../model';
import type { EditionId, SectionId } from '../standard';
import { type LineSource, type Piece, readPieces } from './blocks';
import { readTables } from './tables';
import { isBlank, lineSpan } from './text';

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
export function readSectionBody(src: LineSource, from: number, to: number, section: SectionId, edition: EditionId | undefined): { tables: Table[]; unread: UnreadTable[] } {
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
  return { tables: readTables(pieces, section, edition), unread };
}
