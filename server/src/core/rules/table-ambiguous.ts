import type { Rule } from './types';
import { unreadFindings } from './unread';
import { msg } from './util';

const WHY = {
  'several-splits': msg('数字连写，可拆分为不止一种方式', 'its figures run together and split into cells in more than one way'),
  'short-row': msg(
    '某行数字少于列数（有空格），无法确定空格位置',
    'a row has fewer figures than columns and the blank cell cannot be placed',
  ),
};
const OTHER = msg('数字无法唯一确定', 'its figures cannot be read in one way only');

const rule: Rule = {
  id: 'table-ambiguous',
  severity: 'info',
  description: msg(
    '抓取文本中数字连写的表格可有多种拆分方式，不做算术检查',
    'Figures run together in scraped text allow more than one split into cells; no arithmetic on that table',
  ),
  check: (report) =>
    unreadFindings(
      report,
      'ambiguous',
      (reason) => WHY[reason as keyof typeof WHY] ?? OTHER,
      (name, why) => msg(`“${name}”的表格${why.zh}，未做算术检查`, `The table of ${name}: ${why.en}; no arithmetic checked`),
    ),
};
export default rule;
