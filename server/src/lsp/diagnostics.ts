import { type Diagnostic, DiagnosticSeverity } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { Finding } from '../core/check';
import type { Severity } from '../shared/settings';
import { DIAGNOSTIC_SOURCE, type DiagnosticData } from '../shared/protocol';
import { repository } from '../../../package.json';
import { rangeOf } from './documents';

const SEVERITY: Record<Severity, DiagnosticSeverity> = {
  error: DiagnosticSeverity.Error,
  warning: DiagnosticSeverity.Warning,
  info: DiagnosticSeverity.Information,
};

/** The README, at the repository's home page (each rule has an `<a id="rule-id">` anchor there). */
const README = repository.url.replace(/^git\+/, '').replace(/\.git$/, '');

export function ruleHref(rule: string): string {
  return `${README}#${rule}`;
}

export function toDiagnostic(document: TextDocument, finding: Finding): Diagnostic {
  const data: DiagnosticData = {
    version: document.version,
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
    codeDescription: { href: ruleHref(finding.rule) },
    source: DIAGNOSTIC_SOURCE,
    message: finding.message,
    data,
  };
}
