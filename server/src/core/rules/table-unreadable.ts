import type { Rule } from './types';
import { unreadFindings } from './unread';
import { msg } from './util';

const WHY = {
  'no-split': msg(
    '数字连写，无法拆分为与列数相符的数值',
    'its figures run together and cannot be split into as many cells as it has columns',
  ),
};
const OTHER = msg('版式无法识别', 'its layout cannot be read');

const rule: Rule = {
  id: 'table-unreadable',
  severity: 'error',
  description: msg(
    '某部分的表格无法读取（分隔丢失、版式错乱、图片），每表一条',
    'A section holds a table that could not be read (lost separators, broken layout, an image); one finding per table',
  ),
  check: (report) =>
    unreadFindings(
      report,
      'unreadable',
      (reason) => WHY[reason as keyof typeof WHY] ?? OTHER,
      (name, why) => msg(`“${name}”的表格无法读取：${why.zh}`, `The table of ${name} cannot be read: ${why.en}`),
    ),
};
export default rule;
