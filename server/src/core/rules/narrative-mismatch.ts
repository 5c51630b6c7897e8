import type { Rule, RuleFinding } from './types';
import { allTables, cellNumber, columnIndex, findRow, msg } from './util';

/** `全年收到政府信息公开申请22件`, `本年新收政府信息公开申请22件`, `共收到政府信息公开申请1484件(含上年结转件)`. */
const STATED =
  /(?:收到|新收)(?:政府信息公开|信息公开|依申请公开)?申请(?:共|总计|合计)?\s*([0-9０-９]+)\s*件([（(]含上年结转[^）)]*[）)])?/g;

const rule: Rule = {
  id: 'narrative-mismatch',
  severity: 'warning',
  description: msg('正文所述数字（如“全年收到政府信息公开申请22件”）与表格不一致', 'A count stated in the text differs from the table’s'),
  check(report) {
    const table = allTables(report).find((t) => t.def.id === 'requests');
    if (!table) return [];
    const total = columnIndex(table, 'total');
    const received = findRow(table, 'received')?.values[total];
    const carried = findRow(table, 'carriedOver')?.values[total];
    const newCount = received && cellNumber(received);
    if (newCount === undefined) return [];
    const findings: RuleFinding[] = [];
    const text = report.text.slice(0, table.span.start);
    for (const m of text.matchAll(STATED)) {
      const stated = Number(m[1].normalize('NFKC'));
      const withCarried = m[2] !== undefined;
      const expected = withCarried ? newCount + ((carried && cellNumber(carried)) ?? 0) : newCount;
      if (stated === expected) continue;
      const numberStart = m.index + m[0].indexOf(m[1]);
      findings.push({
        span: { start: numberStart, end: numberStart + m[1].length },
        message: msg(
          `正文称收到申请 ${stated} 件，表格中为 ${expected} 件${withCarried ? '（含上年结转）' : ''}`,
          `The text states ${stated} requests received; the table has ${expected}${withCarried ? ' (with those carried over)' : ''}`,
        ),
        expected,
        actual: stated,
      });
    }
    return findings;
  },
};
export default rule;
