import { type CodeAction, CodeActionKind, type CodeActionParams } from 'vscode-languageserver';
import { FIX_ALL_KIND, INSERT_TABLE_KIND, RECALCULATE_KIND, type ResolveData } from '../../shared/protocol';
import type { Analysis } from '../documents';
import { type ClientAbilities, workspaceEdit } from '../edits';
import { disableActions } from './disable';
import { fixAllAction, fixAllText } from './fixAll';
import { fixRuleActions } from './fixRule';
import { insertTableActions } from './insertTable';
import { quickFixes } from './quickFix';
import type * as Recalculate from './recalculate';

export { insertEdition } from './insertTable';
/**
 * 重新计算合计 is required on first use: in the language server it is a bundle of its own (dist/recalculate.js, see
 * esbuild.mjs), so the server starts without it; elsewhere it is bundled in as usual.
 */
const recalculation = () => require('./recalculate') as typeof Recalculate;

export const recalculateReport: typeof Recalculate.recalculateReport = (analysis) => recalculation().recalculateReport(analysis);

/** `only` asks for kind `kind` (an action of kind `a.b.c` is asked for by `a`, `a.b` and `a.b.c`). */
function asksFor(only: string[] | undefined, kind: string): boolean {
  return !only || only.some((k) => kind === k || kind.startsWith(`${k}.`));
}

/** The code actions of a range: each kind from its own module, as `only` asks. */
export function codeActions(analysis: Analysis, params: CodeActionParams, abilities: ClientAbilities): CodeAction[] {
  const only = params.context.only;
  const actions: CodeAction[] = [];
  const diagnostics = params.context.diagnostics;
  if (asksFor(only, CodeActionKind.QuickFix)) {
    actions.push(...quickFixes(analysis, diagnostics, abilities));
    actions.push(...fixRuleActions(analysis, diagnostics, abilities));
    actions.push(...disableActions(analysis, diagnostics, abilities));
  }
  if (asksFor(only, INSERT_TABLE_KIND)) actions.push(...insertTableActions(analysis, params.range, abilities));
  if (asksFor(only, RECALCULATE_KIND)) actions.push(...recalculation().recalculateActions(analysis, params.range, abilities));
  // Fixing everything means checking the text again until nothing changes: done only when asked for by kind.
  if (only && asksFor(only, FIX_ALL_KIND)) {
    const action = fixAllAction(analysis, abilities);
    if (action) actions.push(action);
  }
  return actions;
}

/** Computes the edit of an action offered without one (`fixRule` in the quick-fix menu). */
export function resolveCodeAction(analysis: Analysis, action: CodeAction, abilities: ClientAbilities): CodeAction {
  const data = action.data as ResolveData | undefined;
  if (!data) return action;
  const edits = fixAllText(analysis, data.kind === 'fixRule' ? data.rule : undefined);
  return { ...action, edit: workspaceEdit(analysis.document, edits, abilities) };
}
