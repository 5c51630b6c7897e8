import type { Cell, Report, Row, Section, Span, Table } from '../model';
import { derived } from '../derived';
import { lineAt, lineSpan } from '../parse/text';
import {
  type ColumnDef,
  type EditionId,
  type SectionId,
  followsFormat as editionFollowsFormat,
  isEdition,
  NEWEST_EDITION,
} from '../standard';
import type { Message, TextEdit } from './types';
import { valueCount } from '../tables';
export { columnIndex, findRow, valueCount } from '../tables';

export const msg = (zh: string, en: string): Message => ({ zh, en });

/** Quotes text from the draft in a message (whitespace folded, long text shortened). */
export function quote(text: string): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return `“${flat.length > 40 ? `${flat.slice(0, 39)}…` : flat}”`;
}

/** Whether the report follows one of the national table formats (checks of sections and tables apply). */
export function followsFormat(report: Report): boolean {
  return editionFollowsFormat(report.edition);
}

/** The edition whose tables a report should carry; a report with no year and no tables gets the newest. */
export function requiredEdition(report: Report): EditionId {
  return isEdition(report.edition) ? report.edition : NEWEST_EDITION;
}

export function sectionsOf(report: Report, id: SectionId): Section[] {
  return report.sections.filter((s) => s.def.id === id);
}

/** The standard tables of a report that follows the national format (none for a pre-2019 report). */
export function allTables(report: Report): Table[] {
  return derived(report, allTables, () => (followsFormat(report) ? report.sections.flatMap((s) => s.tables) : []));
}

export interface ValueCell {
  table: Table;
  row: Row;
  cell: Cell;
  /** Absent for a cell past the table's columns. */
  column?: ColumnDef;
}

/**
 * The value cells of the standard tables that `keep` picks, with their row and column, in the order of the text.
 * Only the cells kept get a wrapper: the rules look for the few wrong ones among a report's many.
 */
export function valueCells(
  report: Report,
  keep: (cell: Cell, column: ColumnDef | undefined, row: Row, table: Table) => boolean,
): ValueCell[] {
  const cells: ValueCell[] = [];
  for (const table of allTables(report)) {
    const columns = table.def.columns;
    for (const row of table.rows) {
      const values = row.values;
      for (let i = 0; i < values.length; i++) {
        if (keep(values[i], columns[i], row, table)) cells.push({ table, row, cell: values[i], column: columns[i] });
      }
    }
  }
  return cells;
}

/** Cells can be edited in place where they have a place in the text. */
export function editable(cell: Cell): boolean {
  return !cell.missing;
}

export function replace(span: Span, newText: string): TextEdit {
  return { start: span.start, end: span.end, newText };
}

/** A blank cell filled in keeps the table's spacing (`|  |` becomes `| 0 |`). */
export function fillCell(cell: Cell, value: string): TextEdit {
  const inner = cell.span.end - cell.span.start;
  return replace(cell.span, inner >= 2 ? ` ${value} ` : value);
}

export function lineSpanAt(report: Report, offset: number): Span {
  return lineSpan(report.text, report.lineStarts, lineAt(report.lineStarts, offset));
}

/** The span of the last non-blank line (where a finding about something absent from the end is shown). */
export function lastLineSpan(report: Report): Span {
  for (let n = report.lineStarts.length - 1; n >= 0; n--) {
    const span = lineSpan(report.text, report.lineStarts, n);
    if (report.text.slice(span.start, span.end).trim()) return span;
  }
  return { start: 0, end: 0 };
}

export function firstLineSpan(report: Report): Span {
  for (let n = 0; n < report.lineStarts.length; n++) {
    const span = lineSpan(report.text, report.lineStarts, n);
    if (report.text.slice(span.start, span.end).trim()) return span;
  }
  return { start: 0, end: 0 };
}

/** An edit that inserts a block of lines at `offset` (a line start or the end), with blank lines around it. */
export function insertBlock(report: Report, offset: number, block: string): TextEdit {
  const line = lineAt(report.lineStarts, offset);
  const atLineStart = report.lineStarts[line] === offset;
  const previous = atLineStart && line > 0 ? lineSpan(report.text, report.lineStarts, line - 1) : undefined;
  const lead = offset === 0 ? '' : !atLineStart ? '\n\n' : previous && previous.start === previous.end ? '' : '\n';
  const trail = offset >= report.text.length ? '\n' : '\n\n';
  return { start: offset, end: offset, newText: `${lead}${block}${trail}` };
}

/** Where the closing (issuing office and signing date) starts, or the end of the text. */
export function closingOffset(report: Report): number {
  const date = report.signingDate;
  if (!date) return report.text.length;
  const dateLine = lineAt(report.lineStarts, date.span.start);
  const previous = dateLine > 0 ? lineSpan(report.text, report.lineStarts, dateLine - 1) : undefined;
  const office = previous && report.text.slice(previous.start, previous.end).trim();
  const isOffice =
    office && office.length <= 30 && !/[。；;]$/.test(office) && !report.sections.some((s) => s.heading.span.start === previous.start);
  return isOffice ? previous.start : report.lineStarts[dateLine];
}

/** The figures of a cell holding several (`21 1`), where it does. */
export function severalFigures(cell: Cell): number[] | undefined {
  return cell.value.kind === 'text' ? cell.value.figures : undefined;
}

/** The cells of a short row whose several figures make up exactly the cells it lacks: a pipe is missing in each. */
export function missingPipes(table: Table, row: Row): Cell[] {
  const crowded = row.values.filter(severalFigures);
  const hidden = crowded.reduce((n, c) => n + severalFigures(c)!.length - 1, 0);
  return crowded.length && valueCount(row) + hidden === table.def.columns.length ? crowded : [];
}

export function cellNumber(cell: Cell): number | undefined {
  return cell.value.kind === 'number' ? cell.value.value : undefined;
}

export function formatNumber(n: number): string {
  return Number.isInteger(n) ? String(n) : String(Math.round(n * 100) / 100);
}
