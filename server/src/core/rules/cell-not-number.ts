import type { Rule } from './types';
import { formatNumber, msg, quote, replace, valueCells } from './util';

const rule: Rule = {
  id: 'cell-not-number',
  severity: 'error',
  description: msg('数值格中是非数字的文字（如“[bookmark: _GoBack]22”“二十”）', 'A value cell holds text that is not a number ([bookmark: _GoBack]22, 二十)'),
  fixDescription: msg('能从中取出唯一一个数时，改为该数', 'Where one number can be recovered, replace the cell with it'),
  check(report) {
    return valueCells(report)
      .filter(({ cell }) => cell.value.kind === 'text')
      .map(({ cell }) => {
        const recovered = (cell.value as { recovered?: number }).recovered;
        const value = recovered === undefined ? undefined : formatNumber(recovered);
        return {
          span: cell.span,
          message: msg(`${quote(cell.text)}不是数字`, `${quote(cell.text)} is not a number`),
          actual: cell.text,
          fixes: value === undefined ? [] : [{ title: msg(`改为 ${value}`, `Change to ${value}`), edits: [replace(cell.span, value)] }],
        };
      });
  },
};
export default rule;
