import type { Rule } from './types';
import { firstLineSpan, msg, quote } from './util';

const rule: Rule = {
  id: 'title-missing',
  severity: 'warning',
  description: msg('缺少写明机关名称和报告年度的标题', 'No title naming the agency and report year'),
  check(report) {
    if (report.title?.year) return [];
    return [
      {
        span: report.title?.span ?? firstLineSpan(report),
        message: report.title
          ? msg(`标题${quote(report.title.text)}未写明报告年度`, `Title ${quote(report.title.text)} names no report year`)
          : msg('缺少报告标题（应写明机关名称和报告年度）', 'The report has no title naming the agency and report year'),
      },
    ];
  },
};
export default rule;
