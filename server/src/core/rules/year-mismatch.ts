import type { Rule } from './types';
import { msg } from './util';

const rule: Rule = {
  id: 'year-mismatch',
  severity: 'error',
  description: msg('标题中的年度与统计期限的年度不一致', 'The year in the title and the year of the stated statistics period disagree'),
  check(report) {
    const titleYear = report.title?.year;
    const period = report.period;
    if (!titleYear || !period || period.start.year === titleYear) return [];
    return [
      {
        span: period.span,
        message: msg(
          `标题为${titleYear}年度，统计期限却是${period.start.year}年`,
          `The title names ${titleYear}, but the statistics period is in ${period.start.year}`,
        ),
        expected: titleYear,
        actual: period.start.year,
      },
    ];
  },
};
export default rule;
