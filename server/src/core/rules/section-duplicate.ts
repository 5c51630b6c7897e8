import { standardHeading } from '../standard';
import type { Rule, RuleFinding } from './types';
import { followsFormat, msg } from './util';

const rule: Rule = {
  id: 'section-duplicate',
  severity: 'error',
  description: msg('同一部分出现两次', 'A section appears twice'),
  check(report) {
    if (!followsFormat(report)) return [];
    const seen = new Set<string>();
    const findings: RuleFinding[] = [];
    for (const section of report.sections) {
      if (seen.has(section.def.id)) {
        const name = standardHeading(section.def);
        findings.push({ span: section.heading.span, message: msg(`“${name}”部分重复出现`, `Section “${name}” appears again`) });
      }
      seen.add(section.def.id);
    }
    return findings;
  },
};
export default rule;
