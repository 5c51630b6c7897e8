import { type Diagnostic, DiagnosticSeverity } from 'vscode-languageserver';
import type { Finding } from '../core';
import type { Severity } from '../shared/settings';
import { DIAGNOSTIC_SOURCE, type DiagnosticData } from '../shared/protocol';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { type Analysis, rangeOf } from './documents';

const SEVERITY: Record<Severity, DiagnosticSeverity> = {
  error: DiagnosticSeverity.Error,
  warning: DiagnosticSeverity.Warning,
  info: DiagnosticSeverity.Information,
};

/**
 * The README shipped beside the bundle: each rule has an `<a id="rule-id">` anchor there. In a repository it is
 * README.md; vsce packs it into the extension as readme.md.
 */
const README = pathToFileURL(
  ['README.md', 'readme.md'].map((name) => join(__dirname, '..', name)).find((file) => existsSync(file)) ??
    join(__dirname, '..', 'README.md'),
).href;

export function ruleHref(rule: string): string {
  return `${README}#${rule}`;
}

export function toDiagnostic(analysis: Analysis, finding: Finding): Diagnostic {
  const { document } = analysis;
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
    codeDescription: { href: ruleHref(finding.rule) },
    source: DIAGNOSTIC_SOURCE,
    message: finding.message,
    data,
  };
}
