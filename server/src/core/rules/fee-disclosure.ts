import { EDITIONS, getEdition, isEdition, simplify } from '../standard';
import type { Rule } from './types';
import { msg, sectionsOf } from './util';

const asking = EDITIONS.filter((e) => e.feeStatement).map((e) => e.id);

const rule: Rule = {
  id: 'fee-disclosure',
  severity: 'info',
  description: msg(
    `${asking.join('、')}版：第六部分未说明信息处理费收取情况`,
    `Edition ${asking.join(', ')}: section 六 says nothing of 信息处理费 (the format asks for it)`,
  ),
  check(report) {
    const statement = isEdition(report.edition) ? getEdition(report.edition).feeStatement : undefined;
    if (!statement) return [];
    return sectionsOf(report, 'other')
      .slice(0, 1)
      .filter((s) => !simplify(report.text.slice(s.span.start, s.span.end)).includes(statement))
      .map((s) => ({
        span: s.heading.span,
        message: msg(
          '第六部分应说明本年度信息处理费的收取情况',
          'Section 六 should state what 信息处理费 (processing fees) were charged this year',
        ),
      }));
  },
};
export default rule;
