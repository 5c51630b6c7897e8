import { standardHeading } from '../standard';
import type { Rule } from './types';
import { followsFormat, msg, quote, replace } from './util';

const rule: Rule = {
  id: 'section-wording',
  severity: 'warning',
  description: msg('部分标题的措辞与标准不一致', 'A heading’s wording differs from the standard'),
  fixDescription: msg('改为标准措辞', 'Replace with the standard wording'),
  check(report) {
    if (!followsFormat(report)) return [];
    return report.sections
      .filter((s) => s.wording !== 'standard')
      .map((s) => {
        const standard = standardHeading(s.def);
        return {
          span: s.heading.textSpan,
          message: msg(`标题${quote(s.heading.text)}应为“${standard}”`, `Heading ${quote(s.heading.text)} should read “${standard}”`),
          fixes: [{ title: msg(`改为“${standard}”`, `Change to “${standard}”`), edits: [replace(s.heading.textSpan, standard)] }],
        };
      });
  },
};
export default rule;
