import { type CodeAction, CodeActionKind, type Diagnostic } from 'vscode-languageserver';
import { say } from '../../shared/i18n';
import type { ResolveData } from '../../shared/protocol';
import type { Analysis } from '../documents';
import { type ClientAbilities, workspaceEdit } from '../edits';
import { fixAllText } from './fixAll';
import { dataOf } from './quickFix';

/** "Fix all <rule> problems in this file", for each rule with a fixable diagnostic here and two or more in the file. */
export function fixRuleActions(analysis: Analysis, diagnostics: Diagnostic[], abilities: ClientAbilities): CodeAction[] {
  const { locale } = analysis.settings;
  const rules = new Set(diagnostics.filter((d) => dataOf(d)?.fixes.length).map((d) => String(d.code)));
  const actions: CodeAction[] = [];
  for (const rule of rules) {
    const fixable = analysis.result.findings.filter((f) => f.rule === rule && f.fixes[0]?.safe);
    if (fixable.length < 2) continue;
    const action: CodeAction = {
      title: say(
        locale,
        `修复本文件中所有 ${rule} 问题（${fixable.length} 处）`,
        `Fix all ${rule} problems in this file (${fixable.length})`,
      ),
      kind: CodeActionKind.QuickFix,
    };
    if (abilities.resolveEdit) action.data = { kind: 'fixRule', uri: analysis.document.uri, rule } satisfies ResolveData;
    else action.edit = workspaceEdit(analysis.document, fixAllText(analysis, rule), abilities);
    actions.push(action);
  }
  return actions;
}
