import type { Rule } from './types';
import { lastLineSpan, msg } from './util';

const rule: Rule = {
  id: 'signing-date',
  severity: 'warning',
  description: msg('落款日期缺失，或不晚于统计期限结束', 'The signing date is missing, or on or before the end of the period'),
  check(report) {
    const date = report.signingDate;
    if (!date) {
      return [
        {
          span: lastLineSpan(report),
          message: msg('报告末尾缺少落款日期（YYYY年M月D日）', 'The report ends without a signing date (YYYY年M月D日)'),
        },
      ];
    }
    // The period the report covers ends with the report year, whatever end the text states.
    const end = report.year ? { year: report.year.value, month: 12, day: 31 } : report.period?.end;
    if (!end) return [];
    const signed = date.year * 10000 + date.month * 100 + date.day;
    if (signed > end.year * 10000 + end.month * 100 + end.day) return [];
    const written = report.text.slice(date.span.start, date.span.end).trim();
    return [
      {
        span: date.span,
        message: msg(
          `落款日期“${written}”不晚于统计期限结束（${end.year}年${end.month}月${end.day}日）`,
          `The signing date “${written}” is not after the end of the period (${end.year}-${end.month}-${end.day})`,
        ),
      },
    ];
  },
};
export default rule;
