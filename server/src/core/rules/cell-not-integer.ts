import type { Rule, RuleFinding } from './types';
import { allTables, msg, quote } from './util';

const rule: Rule = {
  id: 'cell-not-integer',
  severity: 'error',
  description: msg('计数列中出现小数', 'A decimal in a count column'),
  check(report) {
    const findings: RuleFinding[] = [];
    for (const table of allTables(report)) {
      for (const row of table.rows) {
        row.values.forEach((cell, i) => {
          const column = table.def.columns[i];
          if (cell.value.kind !== 'number' || cell.value.integer || !column || column.kind === 'money') return;
          findings.push({
            span: cell.span,
            message: msg(`“${column.label}”是件数，不能为小数：${quote(cell.text)}`, `Column “${column.label}” counts items and cannot hold a decimal: ${quote(cell.text)}`),
            actual: cell.value.value,
          });
        });
      }
    }
    return findings;
  },
};
export default rule;
