import type { CodeAction, TextEdit } from 'vscode-languageserver';
import { fixAll } from '../../core';
import { say } from '../../shared/i18n';
import { FIX_ALL_KIND } from '../../shared/protocol';
import type { Analysis } from '../documents';
import { type ClientAbilities, editsBetween, toTextEdits, workspaceEdit } from '../edits';

/** The edits of fixing everything fixable (of one rule, where named), line by line. */
export function fixAllText(analysis: Analysis, rule?: string): TextEdit[] {
  const before = analysis.document.getText();
  const { text } = fixAll(before, analysis.settings, rule ? { rules: [rule] } : {});
  return toTextEdits(analysis.document, editsBetween(before, text));
}

/** "Fix all" as a source action (`source.fixAll.govreport`, for fix on save). */
export function fixAllAction(analysis: Analysis, abilities: ClientAbilities): CodeAction | undefined {
  const edits = fixAllText(analysis);
  if (edits.length === 0) return undefined;
  return {
    title: say(analysis.settings.locale, '修复所有可自动修复的问题（govreport）', 'Fix all auto-fixable problems (govreport)'),
    kind: FIX_ALL_KIND,
    edit: workspaceEdit(analysis.document, edits, abilities),
  };
}
