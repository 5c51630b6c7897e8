import { previousYearCandidates, reportName, severalCandidates } from '../agency';
import type { Table } from '../model';
import { countOf } from './carry-over';
import type { Rule, RuleFinding } from './types';
import { allTables, columnIndex, findRow, formatNumber, msg } from './util';

/** The columns of a table that counts documents issued, repealed and in force (第二十条第（一）项 of the 2021 edition). */
const COLUMNS = ['issued', 'repealed', 'inForce'] as const;

const countsInForce = (table: Table) => COLUMNS.every((id) => columnIndex(table, id) !== -1);

const rule: Rule = {
  id: 'in-force-count',
  severity: 'warning',
  description: msg(
    '第二十条第（一）项的现行有效件数不等于上一年度现行有效件数 + 本年制发件数 − 本年废止件数（需同时检查两年的报告）',
    'Article 20 item (一): documents in force ≠ last year’s in force + issued this year − repealed this year (needs both reports)',
  ),
  check(report, { others }) {
    const candidates = previousYearCandidates(report, others);
    if (candidates.length > 1) {
      const table = allTables(report).find(countsInForce);
      if (!table) return [];
      const message = severalCandidates(candidates, { zh: '现行有效件数', en: 'the documents in force' });
      return [{ span: table.item?.span ?? table.span, message, note: true }];
    }
    const previous = candidates[0];
    if (!previous) return [];
    const findings: RuleFinding[] = [];
    const other = reportName(previous);
    const lastYear = previous.year!.value;
    for (const table of allTables(report).filter(countsInForce)) {
      const [issued, repealed, inForce] = COLUMNS.map((id) => columnIndex(table, id));
      // Last year's table must count the same thing (the 2019 edition's 对外公开总数量 is not 现行有效件数).
      const before = allTables(previous).find((t) => t.def.id === table.def.id && countsInForce(t));
      if (!before) continue;
      for (const row of table.rows) {
        const lastRow = row.def && findRow(before, row.def.id);
        const lastCell = lastRow?.values[columnIndex(before, 'inForce')];
        const last = countOf(lastCell);
        const [added, removed, actual] = [issued, repealed, inForce].map((i) => countOf(row.values[i]));
        if (last === undefined || added === undefined || removed === undefined || actual === undefined) continue;
        const expected = last + added - removed;
        if (expected === actual) continue;
        const cell = row.values[inForce];
        const label = row.def!.label;
        findings.push({
          span: cell.span.end > cell.span.start ? cell.span : row.span,
          message: msg(
            `${label}现行有效件数为 ${formatNumber(actual)}，而${lastYear}年度报告${other.zh}的现行有效 ${formatNumber(last)} 件 + 本年制发 ${formatNumber(added)} 件 − 本年废止 ${formatNumber(removed)} 件 = ${formatNumber(expected)}`,
            `${label} in force: ${formatNumber(actual)}, but ${other.en} (${lastYear}) had ${formatNumber(last)} in force, + ${formatNumber(added)} issued − ${formatNumber(removed)} repealed = ${formatNumber(expected)}`,
          ),
          expected,
          actual,
          terms: [last, added, removed],
          related: { report: previous, span: lastCell!.span.end > lastCell!.span.start ? lastCell!.span : lastRow!.span },
        });
      }
    }
    return findings;
  },
};
export default rule;
