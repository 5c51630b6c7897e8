import type { Rule, RuleFinding } from './types';
import { allTables, msg, quote } from './util';

const rule: Rule = {
  id: 'cell-negative',
  severity: 'error',
  description: msg('不允许为负的列中出现负数', 'A negative count where the column does not allow it'),
  check(report) {
    const findings: RuleFinding[] = [];
    for (const table of allTables(report)) {
      for (const row of table.rows) {
        row.values.forEach((cell, i) => {
          const column = table.def.columns[i];
          if (cell.value.kind !== 'number' || cell.value.value >= 0 || column?.kind === 'signedCount') return;
          findings.push({
            span: cell.span,
            message: msg(`“${column.label}”列不能为负数：${quote(cell.text)}`, `Column “${column.label}” cannot be negative: ${quote(cell.text)}`),
            actual: cell.value.value,
          });
        });
      }
    }
    return findings;
  },
};
export default rule;
