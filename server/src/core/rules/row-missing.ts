import { renderRow } from '../render';
import { fullRowLabel, UNKNOWN_EDITION } from '../standard';
import type { Rule, RuleFinding } from './types';
import { allTables, lineSpanAt, msg } from './util';

const rule: Rule = {
  id: 'row-missing',
  severity: 'error',
  description: msg('表格缺少某个标准行', 'A standard row is absent from its table'),
  fixDescription: msg('在应有位置插入该行，数值填 0', 'Insert the row, filled with 0, at its place'),
  check(report) {
    const findings: RuleFinding[] = [];
    for (const table of allTables(report)) {
      if (report.edition !== UNKNOWN_EDITION && table.edition !== report.edition) continue;
      const present = new Set(table.rows.map((r) => r.def?.id));
      table.def.rows.forEach((def, index) => {
        if (present.has(def.id)) return;
        const next = table.rows.find((r) => r.def && table.def.rows.indexOf(r.def) > index);
        const last = table.rows[table.rows.length - 1];
        const anchor = next ?? last;
        const name = fullRowLabel(def) || msg('数值行', 'the row of values').zh;
        const finding: RuleFinding = {
          span: anchor ? lineSpanAt(report, anchor.span.start) : lineSpanAt(report, table.span.start),
          message: msg(`表格缺少“${name}”行`, `The table lacks row “${fullRowLabel(def) || 'of values'}”`),
        };
        if (table.layout === 'markdown' && anchor) {
          const line = renderRow(table.def, def);
          const at = next ? lineSpanAt(report, next.span.start) : lineSpanAt(report, last.span.end);
          const edit = next
            ? { start: at.start, end: at.start, newText: `${line}\n` }
            : { start: at.end, end: at.end, newText: `\n${line}` };
          finding.fixes = [{ title: msg(`插入“${name}”行（填 0）`, `Insert row “${fullRowLabel(def)}” (filled with 0)`), edits: [edit] }];
        }
        findings.push(finding);
      });
    }
    return findings;
  },
};
export default rule;
