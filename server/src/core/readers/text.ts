import type { Message, Span } from '../model';
import { type RunTable, runTables } from '../parse/runs';
import type { SplitCell } from '../parse/split';
import { findHeadings } from '../parse/headings';
import { lineAt, lineStartsOf } from '../parse/text';
import { unreadMark } from '../parse/section';
import { renderRows } from '../render';
import { type EditionId, NEWEST_EDITION, editionForYear, isEdition } from '../standard';
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
      this.origins.push({
        start: this.text.length,
        end: this.text.length + piece.length,
        location: { line: line + 1, column: from - this.lineStarts[line] + 1 },
      });
    }
    this.text += piece;
  }
  /** A paragraph of the source's text [start, end), trimmed; nothing where it is blank. */
  paragraph(start: number, end: number): void {
    while (start < end && /\s/.test(this.source[start])) start++;
    while (end > start && /\s/.test(this.source[end - 1])) end--;
    if (start >= end) return;
    this.put(
      this.source
        .slice(start, end)
        .split('\n')
        .map((part) => part.trim())
        .join(' '),
      start,
    );
    this.put('\n\n');
  }
  note(kind: ReaderNote['kind'], span: Span, message: Message): void {
    this.notes.push({ kind, span, message });
  }
}

const AMBIGUOUS: Record<'several-splits' | 'short-row', Message> = {
  'several-splits': {
    zh: '表格数字连写，可拆分为多种方式，无法确定各格数值',
    en: 'the figures run together and can be split into cells in more than one way',
  },
  'short-row': {
    zh: '表格某行数字少于列数（有空格），无法确定空格位置',
    en: 'a row has fewer figures than columns (a blank cell) and the blank cannot be placed',
  },
};
const UNREADABLE: Message = {
  zh: '表格数字连写，无法拆分为与列数相符的数值',
  en: 'the figures run together and cannot be split into as many cells as the table has columns',
};
const RECOVERED: Message = {
  zh: '表格数字由连写文本拆分恢复（唯一拆分）',
  en: 'the figures were recovered from run-together text (the only possible split)',
};

/** A table read from runs: written as a GFM table (unique split) or kept as written behind a marker. */
function writeTable(draft: Draft, { def, rows, span, item, result }: RunTable): void {
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
    draft.put(item.text, item.span.start);
    draft.put('\n\n');
  }
  const tableStart = draft.text.length;
  const rendered = renderRows(
    def,
    rows.map((r, i) => ({ def: r.def, label: r.label.text || undefined, values: result.rows[i].map((c) => c.text) })),
  );
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
  if (rows.some((r) => r.run.groups.length < def.columns.length))
    draft.note('figures-recovered', { start: tableStart, end: draft.text.length }, RECOVERED);
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
  const yearEdition = titleYear ? editionForYear(Number(titleYear[1])) : NEWEST_EDITION;
  const edition: EditionId = isEdition(yearEdition) ? yearEdition : NEWEST_EDITION;
  draft.paragraph(bodyStart, headings[0]?.start ?? source.length);
  headings.forEach((h, n) => {
    const to = n + 1 < headings.length ? headings[n + 1].start : source.length;
    draft.put('## ');
    draft.put(source.slice(h.start, h.end).trim(), h.start);
    draft.put('\n\n');
    if (n === headings.length - 1) writeClosing(draft, source, h.end, to);
    else {
      let written = h.end;
      for (const table of runTables(source, h.end, to, h.def.id, edition)) {
        draft.paragraph(written, table.span.start);
        writeTable(draft, table);
        written = table.span.end;
      }
      draft.paragraph(written, to);
    }
  });
  return { kind: 'text', text: draft.text, origins: draft.origins, notes: draft.notes };
}
