import type { Rule } from './types';
import { msg, quote, valueCells } from './util';

const rule: Rule = {
  id: 'cell-negative',
  severity: 'error',
  description: msg('不允许为负的列中出现负数', 'A negative count where the column does not allow it'),
  check(report) {
    return valueCells(
      report,
      (cell, column) => !!column && column.kind !== 'signedCount' && cell.value.kind === 'number' && cell.value.value < 0,
    ).map(({ cell, column }) => ({
      span: cell.span,
      message: msg(
        `“${column!.label}”列不能为负数：${quote(cell.text)}`,
        `Column “${column!.label}” cannot be negative: ${quote(cell.text)}`,
      ),
      actual: (cell.value as { value: number }).value,
    }));
  },
};
export default rule;
