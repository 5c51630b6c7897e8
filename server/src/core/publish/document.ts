import type { Finding } from '../check';
import type { Report, Span, Table } from '../model';
import { splitPipeRow } from '../parse/blocks';
import { lineAt, lineSpan } from '../parse/text';
import { type PublishedTable, tableLayout } from './layout';

/** One block of the report as published, in the order of the draft. */
export type Block =
  | { kind: 'title'; text: string; findings: Finding[] }
  /** Level 1: a section heading (一、总体情况); level 2: a heading inside a section. */
  | { kind: 'heading'; level: 1 | 2; text: string; findings: Finding[] }
  /** `signature`: the signing agency and date, set flush right at the end. */
  | { kind: 'paragraph'; text: string; signature: boolean; findings: Finding[] }
  | { kind: 'table'; layout: PublishedTable }
  /** A pipe table that is none of the standard tables, cell by cell as written. */
  | { kind: 'grid'; rows: string[][]; findings: Finding[] };

export interface PublishedDocument {
  blocks: Block[];
  /** Findings that belong to no block (none for a report whose findings all point into its text). */
  notes: Finding[];
}

const MARKDOWN_HEADING = /^ {0,3}#{1,6}[ \t]/;
const THEMATIC_BREAK = /^(?:-{3,}|\*{3,}|_{3,})$/;
const PIPE_DELIMITER = /^[\s|:-]+$/;
/** The longest line taken as the signing agency above the date. */
const MAX_SIGNATURE = 40;

const within = (span: Span, outer: Span) => span.start >= outer.start && span.start <= outer.end;
const isPipeLine = (line: string) => /^\s*[|｜]/.test(line);

/**
 * The report as it will be published: title, section headings, body paragraphs (one per line, as pasted reports and
 * drafts write them), the standard tables in their official layout, other tables as written; comments left out.
 */
export function publishedDocument(report: Report, findings: readonly Finding[] = []): PublishedDocument {
  const { text, lineStarts } = report;
  const tables: Table[] = report.sections.flatMap((s) => s.tables);
  const tableAt = new Map<number, Table[]>();
  const skip = new Set<number>();
  for (const table of tables) {
    const first = lineAt(lineStarts, table.span.start);
    const last = lineAt(lineStarts, Math.max(table.span.start, table.span.end - 1));
    tableAt.set(first, [...(tableAt.get(first) ?? []), table]);
    for (let n = first + 1; n <= last; n++) skip.add(n);
    if (table.item) skip.add(lineAt(lineStarts, table.item.span.start));
  }
  const headings = new Map(report.sections.map((s) => [lineAt(lineStarts, s.heading.span.start), s]));
  const titleLine = report.title ? lineAt(lineStarts, report.title.span.start) : -1;
  const signature = signatureLines(report);
  const blocks: Block[] = [];
  const lineBlocks: { span: Span; block: Exclude<Block, { kind: 'table' }> }[] = [];
  const add = (span: Span, block: Exclude<Block, { kind: 'table' }>) => {
    blocks.push(block);
    lineBlocks.push({ span, block });
  };
  let comment = false;
  for (let n = 0; n < lineStarts.length; n++) {
    const span = lineSpan(text, lineStarts, n);
    const line = text.slice(span.start, span.end);
    const starting = tableAt.get(n);
    if (starting) {
      for (const table of starting) blocks.push({ kind: 'table', layout: tableLayout(table, findings) });
      continue;
    }
    if (skip.has(n)) continue;
    if (comment || /^\s*<!--/.test(line)) {
      comment = !line.includes('-->');
      continue;
    }
    const trimmed = line.trim();
    if (!trimmed || THEMATIC_BREAK.test(trimmed.replace(/\s/g, ''))) continue;
    const heading = MARKDOWN_HEADING.test(line) ? headingText(trimmed) : undefined;
    if (n === titleLine) {
      add(span, { kind: 'title', text: heading ?? trimmed, findings: [] });
    } else if (headings.has(n)) {
      add(span, { kind: 'heading', level: 1, text: heading ?? trimmed, findings: [] });
    } else if (heading !== undefined) {
      add(span, { kind: 'heading', level: 2, text: heading, findings: [] });
    } else if (isPipeLine(line)) {
      const rows: string[][] = [];
      let end = span.end;
      for (; n < lineStarts.length && !tableAt.has(n); n++) {
        const row = lineSpan(text, lineStarts, n);
        const rowText = text.slice(row.start, row.end);
        if (!isPipeLine(rowText)) break;
        if (!PIPE_DELIMITER.test(rowText)) rows.push(splitPipeRow(text, row).map((c) => c.text));
        end = row.end;
      }
      n--;
      add({ start: span.start, end }, { kind: 'grid', rows, findings: [] });
    } else {
      add(span, { kind: 'paragraph', text: trimmed, signature: signature.has(n), findings: [] });
    }
  }
  const placed = new Set(
    blocks.flatMap((b) => (b.kind === 'table' ? [...b.layout.notes, ...b.layout.body.flat().flatMap((c) => c.findings)] : [])),
  );
  const notes: Finding[] = [];
  for (const finding of findings) {
    if (placed.has(finding)) continue;
    const target = lineBlocks.find((b) => within(finding.span, b.span));
    if (target) target.block.findings.push(finding);
    else notes.push(finding);
  }
  return { blocks, notes };
}

/** A markdown heading's text: without its opening and closing `#` marks. */
function headingText(line: string): string {
  let start = 0;
  while (line[start] === '#') start++;
  let end = line.length;
  while (end > start && (line[end - 1] === '#' || line[end - 1] === ' ' || line[end - 1] === '\t')) end--;
  return line.slice(start, end).trim();
}

/** The signing date's line and, right above it, the agency's (a short line that is no sentence). */
function signatureLines(report: Report): Set<number> {
  const lines = new Set<number>();
  const date = report.signingDate;
  if (!date) return lines;
  const n = lineAt(report.lineStarts, date.span.start);
  const dateLine = lineSpan(report.text, report.lineStarts, n);
  if (report.text.slice(dateLine.start, dateLine.end).trim().length > MAX_SIGNATURE / 2) return lines;
  lines.add(n);
  for (let above = n - 1; above >= 0; above--) {
    const span = lineSpan(report.text, report.lineStarts, above);
    const line = report.text.slice(span.start, span.end).trim();
    if (!line) continue;
    if (line.length <= MAX_SIGNATURE && !/[。；;：:|｜#]/.test(line)) lines.add(above);
    break;
  }
  return lines;
}
