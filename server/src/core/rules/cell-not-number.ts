import type { Cell } from '../model';
import { isChineseNumber } from '../parse/values';
import type { Message, Rule } from './types';
import { formatNumber, missingPipes, msg, quote, replace, severalFigures, valueCells } from './util';

/** Words written for “none” where a count should be. */
const NONE = /^(?:无|没有|暂无|空)$/;

/** Why the text is not a number, with what to write instead where that is clear. */
function why(cell: Cell): Message {
  const text = quote(cell.text);
  const figures = severalFigures(cell);
  if (figures) {
    return msg(
      `${text}是 ${figures.length} 个数（${figures.map(formatNumber).join('、')}），不能当作一个数：请只填一个数`,
      `${text} is ${figures.length} figures (${figures.map(formatNumber).join(', ')}), not one number: write one figure`,
    );
  }
  if (NONE.test(cell.text.replace(/[\s\u3000]+/g, ''))) {
    return msg(`${text}不是数字：没有的请填 0`, `${text} is not a number: write 0 for none`);
  }
  if (isChineseNumber(cell.text))
    return msg(`${text}是汉字数字，请用阿拉伯数字填写`, `${text} is written in Chinese numerals: write the figure in digits`);
  return msg(`${text}不是数字`, `${text} is not a number`);
}

const rule: Rule = {
  id: 'cell-not-number',
  severity: 'error',
  description: msg(
    '数值格中是非数字的文字（如“[bookmark: _GoBack]22”“二十”“无”，或一格两个数“11 8”）',
    'A value cell holds text that is not a number ([bookmark: _GoBack]22, 二十, 无, or two figures “11 8” in one cell)',
  ),
  fixDescription: msg('能从中取出唯一一个数时，改为该数', 'Where one number can be recovered, replace the cell with it'),
  check(report) {
    return (
      // A missing pipe is table-shape's finding: the row is short by exactly the figures crowded into one cell.
      valueCells(report, (cell, _, row, table) => cell.value.kind === 'text' && !missingPipes(table, row).includes(cell)).map(
        ({ cell }) => {
          const recovered = (cell.value as { recovered?: number }).recovered;
          const value = recovered === undefined ? undefined : formatNumber(recovered);
          return {
            span: cell.span,
            message: why(cell),
            actual: cell.text,
            fixes: value === undefined ? [] : [{ title: msg(`改为 ${value}`, `Change to ${value}`), edits: [replace(cell.span, value)] }],
          };
        },
      )
    );
  },
};
export default rule;
