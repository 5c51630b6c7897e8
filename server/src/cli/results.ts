import { type CheckResult, type Finding, lineAt } from '../core';
import type { Severity } from '../shared/settings';
import type { Counts } from './messages';

/** A finding as the CLI prints it: 1-based lines and columns (columns in UTF-16 code units, as in editors). */
export interface LocatedFinding {
  rule: string;
  severity: Severity;
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
  message: string;
  expected?: number;
  actual?: number | string;
  terms?: number[];
  /** Whether `govreport fix` fixes it (its preferred fix is safe). */
  fixable: boolean;
}

/** What the CLI keeps of one checked file (not its text). */
export interface FileResult {
  file: string;
  year: number | null;
  edition: string;
  findings: LocatedFinding[];
}

function locate(lineStarts: number[], finding: Finding): LocatedFinding {
  const position = (offset: number) => {
    const line = lineAt(lineStarts, offset);
    return { line: line + 1, column: offset - lineStarts[line] + 1 };
  };
  const start = position(finding.span.start);
  const end = position(finding.span.end);
  return {
    rule: finding.rule,
    severity: finding.severity,
    line: start.line,
    column: start.column,
    endLine: end.line,
    endColumn: end.column,
    message: finding.message,
    ...(finding.expected !== undefined && { expected: finding.expected }),
    ...(finding.actual !== undefined && { actual: finding.actual }),
    ...(finding.terms && { terms: finding.terms }),
    fixable: finding.fixes[0]?.safe === true,
  };
}

export function fileResult(file: string, { report, findings }: CheckResult): FileResult {
  return {
    file,
    year: report.year?.value ?? null,
    edition: report.edition,
    findings: findings.map((f) => locate(report.lineStarts, f)),
  };
}

export function countBySeverity(findings: { severity: Severity }[]): Counts {
  const counts: Counts = { error: 0, warning: 0, info: 0 };
  for (const f of findings) counts[f.severity]++;
  return counts;
}
