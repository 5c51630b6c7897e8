import type { Rule } from './types';
import { msg, quote, valueCells } from './util';

const rule: Rule = {
  id: 'cell-not-integer',
  severity: 'error',
  description: msg('计数列中出现小数', 'A decimal in a count column'),
  check(report) {
    return valueCells(
      report,
      (cell, column) => !!column && column.kind !== 'money' && cell.value.kind === 'number' && !cell.value.integer,
    ).map(({ cell, column }) => ({
      span: cell.span,
      message: msg(
        `“${column!.label}”是件数，不能为小数：${quote(cell.text)}`,
        `Column “${column!.label}” counts items and cannot hold a decimal: ${quote(cell.text)}`,
      ),
      actual: (cell.value as { value: number }).value,
    }));
  },
};
export default rule;
