import type { Rule, RuleFinding } from './types';
import { allTables, missingPipes, msg, quote, severalFigures, valueCount } from './util';

const rule: Rule = {
  id: 'table-shape',
  severity: 'error',
  description: msg(
    '某行的数值格数多于或少于表格的列数（如漏了竖线，两个数挤在一格）',
    'A row has more or fewer value cells than its table’s columns (a missing pipe: two figures in one cell)',
  ),
  check(report) {
    const findings: RuleFinding[] = [];
    for (const table of allTables(report)) {
      const width = table.def.columns.length;
      for (const row of table.rows) {
        const count = valueCount(row);
        if (count === width || count === 0) continue;
        const label = row.label?.text ?? row.def?.label ?? '';
        const shape = msg(
          `${label ? `“${label}”行` : '此行'}有 ${count} 个数值，而表格有 ${width} 列`,
          `${label ? `Row “${label}”` : 'This row'} has ${count} values; the table has ${width} columns`,
        );
        const crowded = missingPipes(table, row);
        if (crowded.length) {
          for (const cell of crowded) {
            findings.push({
              span: cell.span,
              message: msg(
                `${shape.zh}：${quote(cell.text)}是 ${severalFigures(cell)!.length} 个数，似乎漏了竖线“|”`,
                `${shape.en}: ${quote(cell.text)} is ${severalFigures(cell)!.length} figures, as if a “|” were missing`,
              ),
            });
          }
          continue;
        }
        const span = row.extra.length ? { start: row.extra[0].span.start, end: row.extra[row.extra.length - 1].span.end } : row.span;
        findings.push({ span, message: shape });
      }
    }
    return findings;
  },
};
export default rule;
