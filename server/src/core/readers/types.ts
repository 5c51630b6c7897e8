import type { Message, Span } from '../model';

/** The kinds of file a report is read from; each has one reader. */
export type SourceKind = 'markdown' | 'text' | 'html' | 'docx' | 'pdf';

/** Where a piece of a read document stands in its source file. */
export interface SourceLocation {
  /** PDF: the 1-based page, and the box of the text in PDF units ([x0, y0, x1, y1], origin bottom left). */
  page?: number;
  box?: [number, number, number, number];
  /** DOCX: the 1-based table of the document, row and cell of that table. */
  table?: number;
  row?: number;
  cell?: number;
  /** DOCX: the 1-based paragraph of the document's body (text outside tables). */
  paragraph?: number;
  /** HTML and text files: the 1-based line and column (UTF-16 code units) in the file. */
  line?: number;
  column?: number;
}

/** A range of the draft text read from one place of the source. */
export interface Origin {
  start: number;
  end: number;
  location: SourceLocation;
}

/**
 * What a reader tells about the document besides its text: a scan without text, a damaged file, a table it could
 * not read. `no-text-layer` and `unreadable` mean the document has no report text to check.
 */
export interface ReaderNote {
  kind: 'no-text-layer' | 'unreadable' | 'table-unreadable' | 'table-ambiguous' | 'figures-recovered';
  /** The part of the draft text it is about (absent: the whole document). */
  span?: Span;
  message: Message;
}

/**
 * A report as a reader gives it: the document as a draft (plain lines, markdown headings, GFM tables) that the one
 * parser reads into the report model, and the way back from each range of that text to the source.
 */
export interface SourceDocument {
  kind: SourceKind;
  text: string;
  /** Sorted by `start`, not overlapping; empty where `text` is the file itself (markdown, pasted text). */
  origins: Origin[];
  notes: ReaderNote[];
}

/** One reader per source kind: the file's bytes in, the source document out. Never throws on a bad document. */
export type Reader = (bytes: Uint8Array, name: string) => Promise<SourceDocument>;

/** A block of a structured document (web page, Word file, PDF), in reading order. */
export type Block =
  | { kind: 'heading'; level: number; text: string; location: SourceLocation }
  | { kind: 'paragraph'; text: string; location: SourceLocation }
  | { kind: 'table'; rows: BlockCell[][] };

/** A table cell as the document has it; a merged cell spans rows or columns of the grid. */
export interface BlockCell {
  text: string;
  rowSpan?: number;
  colSpan?: number;
  location: SourceLocation;
}
