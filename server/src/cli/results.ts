import { agencyOf, type CheckResult, type Finding, type Origin, type SourceLocation, lineAt, locate as sourceLocation } from '../core';
import type { Severity } from '../shared/settings';
import type { Counts, Messages } from './messages';

/**
 * A finding as the CLI prints it: 1-based lines and columns (columns in UTF-16 code units, as in editors) in the file
 * checked — for a web page, in the page; for a Word file or a PDF, the table, row and cell or the page instead.
 */
export interface LocatedFinding extends SourceLocation {
  rule: string;
  severity: Severity;
  endLine?: number;
  endColumn?: number;
  message: string;
  expected?: number;
  actual?: number | string;
  terms?: number[];
  /** Arithmetic: the smallest explanations of the table's failing sums, each a list of cells (see rules.md). */
  suspects?: { typo: boolean; cells: LocatedSuspectCell[] }[];
  /** Whether `govreport fix` fixes it (a text draft, and its preferred fix is safe). */
  fixable: boolean;
}

/** A cell of an explanation: where it is (as a finding's start), its labels, the figure found and the one proposed. */
export interface LocatedSuspectCell extends SourceLocation {
  rowLabel: string;
  columnLabel: string;
  found: number;
  proposed: number;
}

/** What the CLI keeps of one checked file (not its text). */
export interface FileResult {
  file: string;
  /** The agency named in the title (as compared across years), where there is one. */
  agency?: string;
  year: number | null;
  edition: string;
  findings: LocatedFinding[];
}

/** Where a finding stands: in the text checked, or — for a read document — where its text came from in the source file. */
function position(lineStarts: number[], origins: Origin[] | undefined, span: Finding['span']): Partial<LocatedFinding> {
  if (!origins) {
    const at = (offset: number) => {
      const line = lineAt(lineStarts, offset);
      return { line: line + 1, column: offset - lineStarts[line] + 1 };
    };
    const start = at(span.start);
    const end = at(span.end);
    return { line: start.line, column: start.column, endLine: end.line, endColumn: end.column };
  }
  const start: SourceLocation | undefined = sourceLocation(origins, span.start);
  if (!start) return {};
  const { line, column, ...rest } = start;
  if (line === undefined || column === undefined) return rest;
  const end = sourceLocation(origins, Math.max(span.start, span.end - 1));
  const after = end?.line !== undefined && end.column !== undefined && (end.line > line || (end.line === line && end.column >= column));
  return { ...rest, line, column, endLine: after ? end.line : line, endColumn: after ? end.column : column };
}

function locate(lineStarts: number[], origins: Origin[] | undefined, finding: Finding): LocatedFinding {
  return {
    rule: finding.rule,
    severity: finding.severity,
    ...position(lineStarts, origins, finding.span),
    message: finding.message,
    ...(finding.expected !== undefined && { expected: finding.expected }),
    ...(finding.actual !== undefined && { actual: finding.actual }),
    ...(finding.terms && { terms: finding.terms }),
    ...(finding.suspects && {
      suspects: finding.suspects.map((s) => ({
        typo: s.typo,
        cells: s.cells.map(({ span, rowLabel, columnLabel, found, proposed }) => {
          const { endLine, endColumn, ...where } = position(lineStarts, origins, span);
          return { ...where, rowLabel, columnLabel, found, proposed };
        }),
      })),
    }),
    // Fixes edit text drafts; a web page, Word file or PDF is imported first.
    fixable: !origins && finding.fixes[0]?.safe === true,
  };
}

/** A checked file's result; `origins` (a web page, a Word file, a PDF) lead each finding back to the source file. */
export function fileResult(file: string, { report, findings }: CheckResult, origins?: Origin[]): FileResult {
  const agency = agencyOf(report);
  return {
    file,
    ...(agency !== undefined && { agency }),
    year: report.year?.value ?? null,
    edition: report.edition,
    findings: findings.map((f) => locate(report.lineStarts, origins, f)),
  };
}

export function countBySeverity(findings: { severity: Severity }[]): Counts {
  const counts: Counts = { error: 0, warning: 0, info: 0 };
  for (const f of findings) counts[f.severity]++;
  return counts;
}

/** Where in a Word file or a PDF a finding stands, in words (the page, or the table cell, or the paragraph). */
export function sourcePlaceText(f: SourceLocation, m: Messages): string | undefined {
  if (f.page !== undefined) return m.place.page(f.page);
  if (f.table !== undefined) return m.place.cell(f.table, f.row, f.cell);
  if (f.paragraph !== undefined) return m.place.paragraph(f.paragraph);
  return undefined;
}
