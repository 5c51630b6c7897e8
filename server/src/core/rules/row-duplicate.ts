import { fullRowLabel } from '../standard';
import type { Rule, RuleFinding } from './types';
import { allTables, msg } from './util';

const rule: Rule = {
  id: 'row-duplicate',
  severity: 'error',
  description: msg('某个标准行出现两次', 'A standard row appears twice'),
  check(report) {
    const findings: RuleFinding[] = [];
    for (const table of allTables(report)) {
      const seen = new Set<string>();
      for (const row of table.rows) {
        if (!row.def) continue;
        if (seen.has(row.def.id)) {
          const name = fullRowLabel(row.def);
          findings.push({ span: row.label?.span ?? row.span, message: msg(`“${name}”行重复出现`, `Row “${name}” appears again`) });
        }
        seen.add(row.def.id);
      }
    }
    return findings;
  },
};
export default rule;
