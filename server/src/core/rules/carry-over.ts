import { previousYearCandidates, reportName, severalCandidates } from '../agency';
import type { Cell } from '../model';
import type { Rule, RuleFinding } from './types';
import { allTables, columnIndex, findRow, formatNumber, msg } from './util';

/** A count as the sums read it: a blank cell is 0 (`cell-blank` reports it), text is no count. */
export function countOf(cell: Cell | undefined): number | undefined {
  if (!cell || cell.missing) return undefined;
  if (cell.value.kind === 'blank') return 0;
  return cell.value.kind === 'number' ? cell.value.value : undefined;
}

const rule: Rule = {
  id: 'carry-over',
  severity: 'error',
  description: msg(
    '第三部分“二、上年结转政府信息公开申请数量”与同一机关上一年度报告的“四、结转下年度继续办理”不一致（需同时检查两年的报告）',
    'Section 三 “carried over from last year” differs from the same agency’s previous-year “carried forward to next year” (needs both reports)',
  ),
  check(report, { others }) {
    const candidates = previousYearCandidates(report, others);
    const table = allTables(report).find((t) => t.def.id === 'requests');
    const carriedOver = table && findRow(table, 'carriedOver');
    if (candidates.length > 1 && carriedOver) {
      const message = severalCandidates(candidates, { zh: '上年结转申请数', en: 'the requests carried over' });
      return [{ span: carriedOver.span, message, note: true }];
    }
    const previous = candidates.length === 1 ? candidates[0] : undefined;
    const before = previous && allTables(previous).find((t) => t.def.id === 'requests');
    const carriedForward = before && findRow(before, 'carriedForward');
    if (!previous || !table || !before || !carriedOver || !carriedForward) return [];
    const findings: RuleFinding[] = [];
    const other = reportName(previous);
    const lastYear = previous.year!.value;
    table.def.columns.forEach((column, i) => {
      const cell = carriedOver.values[i];
      const actual = countOf(cell);
      const there = carriedForward.values[columnIndex(before, column.id)];
      const expected = countOf(there);
      if (actual === undefined || expected === undefined || actual === expected) return;
      findings.push({
        span: cell.span.end > cell.span.start ? cell.span : carriedOver.span,
        message: msg(
          `上年结转申请数（${column.label}）为 ${formatNumber(actual)}，而${lastYear}年度报告${other.zh}的结转下年度继续办理为 ${formatNumber(expected)}`,
          `Requests carried over (${column.label}) are ${formatNumber(actual)}, but ${other.en} (${lastYear}) carried ${formatNumber(expected)} forward`,
        ),
        expected,
        actual,
        related: { report: previous, span: there.span.end > there.span.start ? there.span : carriedForward.span },
      });
    });
    return findings;
  },
};
export default rule;
