import { type Diagnostic, DiagnosticSeverity } from 'vscode-languageserver';
import { agencyOf, type Finding } from '../core';
import type { Severity } from '../shared/settings';
import { DIAGNOSTIC_SOURCE, type DiagnosticData } from '../shared/protocol';
import { say } from '../shared/i18n';
import type { DiagnosticRelatedInformation, Location } from 'vscode-languageserver';
import { type Analysis, type OtherDocument, rangeOf } from './documents';
import { ruleHref } from './ruleDocs';

const SEVERITY: Record<Severity, DiagnosticSeverity> = {
  error: DiagnosticSeverity.Error,
  warning: DiagnosticSeverity.Warning,
  info: DiagnosticSeverity.Information,
};

export function toDiagnostic(analysis: Analysis, finding: Finding): Diagnostic {
  const { document } = analysis;
  const href = ruleHref(finding.rule);
  const data: DiagnosticData = {
    version: document.version,
    content: analysis.contentKey,
    fixes: finding.fixes.map((fix) => ({
      title: fix.title,
      safe: fix.safe,
      edits: fix.edits.map((e) => ({ range: rangeOf(document, e), newText: e.newText })),
    })),
  };
  return {
    range: rangeOf(document, finding.span),
    severity: SEVERITY[finding.severity],
    code: finding.rule,
    codeDescription: href ? { href } : undefined,
    source: DIAGNOSTIC_SOURCE,
    message: finding.message,
    data,
    ...(finding.related && { relatedInformation: relatedInformation(analysis, finding.related) }),
  };
}

/** Where a finding across reports points in the other report: the cell in a draft or a web page, else the file. */
function relatedInformation(analysis: Analysis, related: NonNullable<Finding['related']>): DiagnosticRelatedInformation[] {
  const other = analysis.others.find((o) => o.report.source === related.source);
  if (!other) return [];
  return [
    {
      location: locationIn(other, related.span),
      message: say(analysis.settings.locale, '比较的数字', 'The figure compared with'),
    },
  ];
}

/** A draft's cell; a web page, Word file or PDF as a whole (the cell's place there is not the draft text's). */
function locationIn(other: OtherDocument, span: { start: number; end: number }): Location {
  const start = { line: 0, character: 0 };
  return { uri: other.uri, range: other.draft ? rangeOf(other.document, span) : { start, end: start } };
}

/** What the main thread learns from a check: the diagnostics, and the agency and year that find the previous report. */
export interface DiagnosticsResult {
  isReport: boolean;
  diagnostics: Diagnostic[];
  agency?: string;
  year?: number;
}

export function diagnosticsOf(analysis: Analysis): DiagnosticsResult {
  if (!analysis.isReport) return { isReport: false, diagnostics: [] };
  const { report, findings } = analysis.result;
  return {
    isReport: true,
    diagnostics: findings.map((f) => toDiagnostic(analysis, f)),
    agency: agencyOf(report),
    year: report.year?.value,
  };
}
