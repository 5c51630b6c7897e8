import type { Rule, RuleFinding } from './types';
import { allTables, msg } from './util';

const rule: Rule = {
  id: 'table-shape',
  severity: 'error',
  description: msg('某行的数值格数多于或少于表格的列数', 'A row has more or fewer value cells than its table’s columns'),
  check(report) {
    const findings: RuleFinding[] = [];
    for (const table of allTables(report)) {
      const width = table.def.columns.length;
      for (const row of table.rows) {
        const count = row.values.filter((c) => !c.missing).length + row.extra.length;
        if (count === width || count === 0) continue;
        const label = row.label?.text ?? row.def?.label ?? '';
        const span = row.extra.length ? { start: row.extra[0].span.start, end: row.extra[row.extra.length - 1].span.end } : row.span;
        findings.push({
          span,
          message: msg(
            `${label ? `“${label}”行` : '此行'}有 ${count} 个数值，而表格有 ${width} 列`,
            `${label ? `Row “${label}”` : 'This row'} has ${count} values; the table has ${width} columns`,
          ),
        });
      }
    }
    return findings;
  },
};
export default rule;
