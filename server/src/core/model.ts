import type { ReaderNote } from './readers/types';
import type { ColumnDef, EditionId, ReportEdition, RowDef, SectionDef, TableDef, Wording } from './standard';

/** A range of the original text, as UTF-16 offsets (the unit of JavaScript strings and of LSP positions). */
export interface Span {
  start: number;
  end: number;
}

export type CellValue =
  | { kind: 'blank' }
  | { kind: 'number'; value: number; integer: boolean }
  /**
   * Text that is not a number; `recovered` is the one number it holds, where there is exactly one; `figures` the
   * numbers of a cell holding several separated by spaces (`21 1`: a missing pipe?), never joined into one.
   */
  | { kind: 'text'; recovered?: number; figures?: number[] };

export interface Cell {
  /** The cell's text as written, trimmed; `span` covers exactly this text (an empty span where the cell is blank). */
  text: string;
  span: Span;
  value: CellValue;
  /** A value cell the row does not have at all (a label with no values): it has no place to edit. */
  missing?: boolean;
}

export interface Row {
  /** The whole row in the original text (for a row spread over several lines, from its first to its last line). */
  span: Span;
  labels: Cell[];
  values: Cell[];
  /** Cells past the table's columns that are not blank (a row with too many values). */
  extra: Cell[];
  /** The standard row this row is, with how its label is worded; absent for an unknown row. */
  def?: RowDef;
  wording?: Wording;
  /** The label cell matched to `def` (absent where the row was placed by its position). */
  label?: Cell;
}

export interface HeaderLabel {
  cell: Cell;
  column: ColumnDef;
  wording: Wording;
}

/** How a table was written in the draft. */
export type TableLayout = 'markdown' | 'pipe' | 'cells' | 'columns' | 'run-together';

export interface Table {
  def: TableDef;
  /** The edition whose table this is (may differ from the report's edition: `edition-mismatch`). */
  edition: EditionId;
  layout: TableLayout;
  span: Span;
  /** Section 二: the item name (`第二十条第（一）项`) where it is written. */
  item?: Cell;
  headerLabels: HeaderLabel[];
  rows: Row[];
}

export interface Heading {
  text: string;
  span: Span;
  /** The span of the heading's text, after any `#` markers. */
  textSpan: Span;
  /** 0 for a plain line of a pasted report, 1–6 for a markdown heading. */
  level: number;
}

/**
 * A table of a section that could not be read into cells (`table-unreadable`), or whose figures allow several
 * readings (`table-ambiguous`): it stands in the section in place of a table, without rows.
 */
export interface UnreadTable {
  kind: 'unreadable' | 'ambiguous';
  /** Why, as a code: `several-splits`, `short-row` (ambiguous), `no-split` (unreadable). */
  reason: string;
  span: Span;
  /** Section 二: the item the table reports (`第二十条第（一）项`), where it is written. */
  item?: string;
}

export interface Section {
  def: SectionDef;
  heading: Heading;
  wording: Wording;
  /** From the heading to the next section heading (or the end of the text). */
  span: Span;
  tables: Table[];
  unread: UnreadTable[];
}

export interface DateMention {
  year: number;
  month: number;
  day: number;
  span: Span;
}

export interface Period {
  start: DateMention;
  /** Absent when the end date omits nothing but names no year (`至12月31日`): then `end.year` is the start's. */
  end: DateMention;
  span: Span;
}

export interface Directive {
  kind: 'disable' | 'enable' | 'disable-next-line';
  rules: string[];
  line: number;
}

export interface Report {
  text: string;
  /** The file or document the text is from, where known (named by findings about another report of the run). */
  source?: string;
  /** Offsets of the first character of each line. */
  lineStarts: number[];
  /** Fenced code blocks: quoted text, never read as part of the report and never edited. */
  fences: Span[];
  title?: Heading & { year?: number };
  year?: { value: number; source: 'title' | 'period' | 'overview' | 'setting' };
  edition: ReportEdition;
  sections: Section[];
  period?: Period;
  signingDate?: DateMention;
  directives: Directive[];
  /** What the reader of a web page, Word file or PDF told about the document (a table it could not read, …). */
  notes?: readonly ReaderNote[];
}

/** A cell of one explanation of failing sums (see errorLocation.ts): the figure found and the one that makes them hold. */
export interface SuspectCell {
  span: Span;
  rowLabel: string;
  columnLabel: string;
  found: number;
  proposed: number;
}

/** One smallest explanation of a table's failing sums: cells that, changed together, make every relation hold. */
export interface Suspect {
  cells: SuspectCell[];
  /** Every proposed figure is a plausible typo of the one found (a digit changed, added or dropped, two swapped). */
  typo: boolean;
}

/** A message in both languages; the one shown follows the locale. */
export interface Message {
  zh: string;
  en: string;
}

/** A plain text edit: replace [start, end) of the original text with `newText`. */
export interface TextEdit {
  start: number;
  end: number;
  newText: string;
}
