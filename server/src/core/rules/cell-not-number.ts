import type { Rule, RuleFinding } from './types';
import { allTables, formatNumber, msg, quote, replace } from './util';

const rule: Rule = {
  id: 'cell-not-number',
  severity: 'error',
  description: msg('数值格中是非数字的文字（如“[bookmark: _GoBack]22”“二十”）', 'A value cell holds text that is not a number ([bookmark: _GoBack]22, 二十)'),
  fixDescription: msg('能从中取出唯一一个数时，改为该数', 'Where one number can be recovered, replace the cell with it'),
  check(report) {
    const findings: RuleFinding[] = [];
    for (const table of allTables(report)) {
      for (const row of table.rows) {
        for (const cell of row.values) {
          if (cell.value.kind !== 'text') continue;
          const recovered = cell.value.recovered;
          findings.push({
            span: cell.span,
            message: msg(`${quote(cell.text)}不是数字`, `${quote(cell.text)} is not a number`),
            actual: cell.text,
            fixes:
              recovered === undefined
                ? []
                : [{ title: msg(`改为 ${formatNumber(recovered)}`, `Change to ${formatNumber(recovered)}`), edits: [replace(cell.span, formatNumber(recovered))] }],
          });
        }
      }
    }
    return findings;
  },
};
export default rule;
