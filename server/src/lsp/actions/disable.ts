import { type CodeAction, CodeActionKind, type Diagnostic, type TextEdit } from 'vscode-languageserver';
import { directiveComment, lineAt, lineSpan } from '../../core';
import { say } from '../../shared/i18n';
import { DIAGNOSTIC_SOURCE } from '../../shared/protocol';
import { type Analysis, contains } from '../documents';
import { type ClientAbilities, workspaceEdit } from '../edits';

function lineStartOf(analysis: Analysis, offset: number): number {
  return analysis.result.report.lineStarts[lineAt(analysis.result.report.lineStarts, offset)];
}

/** Where a comment line goes so it silences a finding: above its line, or around the whole table it is in. */
export function disableActions(analysis: Analysis, diagnostics: Diagnostic[], abilities: ClientAbilities): CodeAction[] {
  const { document, result, settings } = analysis;
  const { report } = result;
  const tables = report.sections.flatMap((s) => s.tables);
  const seen = new Set<string>();
  const actions: CodeAction[] = [];
  for (const diagnostic of diagnostics) {
    if (diagnostic.source !== DIAGNOSTIC_SOURCE || !diagnostic.code) continue;
    const rule = String(diagnostic.code);
    const offset = document.offsetAt(diagnostic.range.start);
    const table = tables.find((t) => contains(t.span, offset));
    const key = `${rule}@${table ? `t${table.span.start}` : lineAt(report.lineStarts, offset)}`;
    if (seen.has(key)) continue;
    seen.add(key);
    let edits: TextEdit[];
    let title: string;
    if (table) {
      // A comment line inside a table would end it (or become a row); silence the rule for the table instead.
      const above = table.item && table.item.span.start < table.span.start ? table.item.span.start : table.span.start;
      const start = document.positionAt(lineStartOf(analysis, above));
      const end = document.positionAt(lineSpan(report.text, report.lineStarts, lineAt(report.lineStarts, table.span.end)).end);
      edits = [
        { range: { start, end: start }, newText: `${directiveComment('disable', [rule])}\n` },
        { range: { start: end, end }, newText: `\n\n${directiveComment('enable', [rule])}` },
      ];
      title = say(settings.locale, `在此表格中停用 ${rule}`, `Disable ${rule} for this table`);
    } else {
      const lineStart = lineStartOf(analysis, offset);
      const indent = /^[ \t]*/.exec(report.text.slice(lineStart, lineStart + 40))![0];
      const at = document.positionAt(lineStart);
      edits = [{ range: { start: at, end: at }, newText: `${indent}${directiveComment('disable-next-line', [rule])}\n` }];
      title = say(settings.locale, `在此行停用 ${rule}`, `Disable ${rule} for this line`);
    }
    actions.push({ title, kind: CodeActionKind.QuickFix, diagnostics: [diagnostic], edit: workspaceEdit(document, edits, abilities) });
  }
  return actions;
}
