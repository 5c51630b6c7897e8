import type { Rule } from './types';
import { msg, quote } from './util';

const rule: Rule = {
  id: 'period',
  severity: 'error',
  description: msg(
    '文中所述统计期限不是报告年度的1月1日至12月31日',
    'The statistics period stated is not 1 January to 31 December of the report year',
  ),
  check(report) {
    const period = report.period;
    if (!period) return [];
    const year = report.year?.source === 'title' || report.year?.source === 'setting' ? report.year.value : period.start.year;
    const { start, end } = period;
    const full = start.year === year && start.month === 1 && start.day === 1 && end.year === year && end.month === 12 && end.day === 31;
    if (full) return [];
    const stated = report.text.slice(period.span.start, period.span.end);
    return [
      {
        span: period.span,
        message: msg(
          `统计期限${quote(stated)}应为${year}年1月1日至${year}年12月31日`,
          `The statistics period ${quote(stated)} should run from 1 January to 31 December ${year}`,
        ),
      },
    ];
  },
};
export default rule;
