import { SECTIONS, standardHeading } from '../standard';
import type { Rule, RuleFinding } from './types';
import { followsFormat, msg } from './util';

const rule: Rule = {
  id: 'section-order',
  severity: 'warning',
  description: msg('各部分未按标准顺序排列', 'Sections are out of the standard order'),
  check(report) {
    if (!followsFormat(report)) return [];
    const findings: RuleFinding[] = [];
    let furthest = -1;
    for (const section of report.sections) {
      const index = SECTIONS.indexOf(section.def);
      if (index < furthest) {
        const after = standardHeading(SECTIONS[furthest]);
        findings.push({
          span: section.heading.span,
          message: msg(
            `“${standardHeading(section.def)}”应在“${after}”之前`,
            `“${standardHeading(section.def)}” should come before “${after}”`,
          ),
        });
      }
      furthest = Math.max(furthest, index);
    }
    return findings;
  },
};
export default rule;
