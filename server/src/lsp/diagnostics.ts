import { type Diagnostic, DiagnosticSeverity } from 'vscode-languageserver';
import type { Finding } from '../core';
import type { Severity } from '../shared/settings';
import { DIAGNOSTIC_SOURCE, type DiagnosticData } from '../shared/protocol';
import { type Analysis, rangeOf } from './documents';
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
  };
}
