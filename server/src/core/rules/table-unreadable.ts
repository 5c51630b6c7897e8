import type { Message } from '../model';
import type { Rule, RuleFinding } from './types';
import { msg } from './util';

const WHY: Record<string, Message> = {
  'no-split': msg('数字连写，无法拆分为与列数相符的数值', 'its figures run together and cannot be split into as many cells as it has columns'),
  'run-together': msg('行标签与数字连写、分隔丢失', 'its labels and figures run together, the separators lost'),
};
const OTHER = msg('版式无法识别', 'its layout cannot be read');

const rule: Rule = {
  id: 'table-unreadable',
  severity: 'error',
  description: msg('某部分的表格无法读取（分隔丢失、版式错乱、图片），每表一条', 'A section holds a table that could not be read (lost separators, broken layout, an image); one finding per table'),
  check(report) {
    const findings: RuleFinding[] = [];
    for (const section of report.sections) {
      for (const table of section.unread.filter((u) => u.kind === 'unreadable')) {
        const why = WHY[table.reason] ?? OTHER;
        const name = table.item ?? section.heading.text;
        findings.push({
          span: table.span,
          message: msg(`“${name}”的表格无法读取：${why.zh}`, `The table of ${name} cannot be read: ${why.en}`),
        });
      }
    }
    return findings;
  },
};
export default rule;
