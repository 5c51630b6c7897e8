import type { CodeAction, Range } from 'vscode-languageserver';
import { type Message, type Recalculation, recalculateTotals } from '../../core';
import { say } from '../../shared/i18n';
import { RECALCULATE_KIND, type RecalculateTotalsResult } from '../../shared/protocol';
import { type Analysis, rangeOf } from '../documents';
import { type ClientAbilities, workspaceEdit } from '../edits';

function lines(analysis: Analysis, recalculation: Recalculation): { changed: string[]; left: string[] } {
  const text = (m: Message) => say(analysis.settings.locale, m.zh, m.en);
  const line = (at: number) => analysis.document.positionAt(at).line + 1;
  return {
    changed: recalculation.changes.map(
      (c) => `${line(c.span.start)}: ${text(c.place)} ${c.found ?? say(analysis.settings.locale, '（空）', '(blank)')} → ${c.value}`,
    ),
    left: recalculation.left.map((l) => `${line(l.span.start)}: ${text(l.place)}: ${text(l.message)}`),
  };
}

/** "重新计算合计" for the whole report (the command): the edits and, line by line, what changed and what was left. */
export function recalculateReport(analysis: Analysis): RecalculateTotalsResult {
  const recalculation = recalculateTotals(analysis.result.report);
  const { document, settings } = analysis;
  const { changed, left } = lines(analysis, recalculation);
  const summary = say(
    settings.locale,
    `已重新计算 ${changed.length} 个合计${left.length ? `，${left.length} 个合计未改（各项不全、无法读出或另有合计与之相符）` : ''}。`,
    `${changed.length} total${changed.length === 1 ? '' : 's'} recalculated${left.length ? `; ${left.length} left as written (parts incomplete, unreadable, or another sum holds with them)` : ''}.`,
  );
  return {
    version: document.version,
    edits: recalculation.edits.map((e) => ({ range: rangeOf(document, e), newText: e.newText })),
    summary,
    changed,
    left,
  };
}

/** "重新计算合计" where the range is in a table whose totals recalculating would change. */
export function recalculateActions(analysis: Analysis, range: Range, abilities: ClientAbilities): CodeAction[] {
  const { document, settings } = analysis;
  const within = { start: document.offsetAt(range.start), end: document.offsetAt(range.end) };
  const { changes, edits } = recalculateTotals(analysis.result.report, within);
  if (changes.length === 0) return [];
  return [
    {
      title: say(settings.locale, `重新计算合计（${changes.length} 处）`, `Recalculate totals (${changes.length})`),
      kind: RECALCULATE_KIND,
      edit: workspaceEdit(
        document,
        edits.map((e) => ({ range: rangeOf(document, e), newText: e.newText })),
        abilities,
      ),
    },
  ];
}
