import { type CodeAction, CodeActionKind, type Diagnostic } from 'vscode-languageserver';
import { DIAGNOSTIC_SOURCE, type DiagnosticData } from '../../shared/protocol';
import type { Analysis } from '../documents';
import { type ClientAbilities, workspaceEdit } from '../edits';

/** The fixes a diagnostic of ours carries. */
export function dataOf(diagnostic: Diagnostic): DiagnosticData | undefined {
  if (diagnostic.source !== DIAGNOSTIC_SOURCE) return undefined;
  const data = diagnostic.data as DiagnosticData | undefined;
  return data && Array.isArray(data.fixes) ? data : undefined;
}

/**
 * Each fix of each diagnostic, the first safe one preferred. Findings that blame one cell (a mistyped figure breaks
 * its row total and its column total) carry the same fix: it is offered once, for all of them.
 */
export function quickFixes(analysis: Analysis, diagnostics: Diagnostic[], abilities: ClientAbilities): CodeAction[] {
  const { document } = analysis;
  const byFix = new Map<string, CodeAction>();
  for (const diagnostic of diagnostics) {
    const data = dataOf(diagnostic);
    // Edits of another text would land in the wrong place; fresh diagnostics follow within the debounce.
    if (!data || data.version !== document.version || data.content !== analysis.contentKey) continue;
    data.fixes.forEach((fix, i) => {
      const key = JSON.stringify([fix.title, fix.edits]);
      const preferred = i === 0 && fix.safe;
      const same = byFix.get(key);
      if (same) {
        same.diagnostics!.push(diagnostic);
        same.isPreferred ||= preferred;
        return;
      }
      byFix.set(key, {
        title: fix.title,
        kind: CodeActionKind.QuickFix,
        diagnostics: [diagnostic],
        isPreferred: preferred,
        edit: workspaceEdit(document, fix.edits, abilities),
      });
    });
  }
  return [...byFix.values()];
}
