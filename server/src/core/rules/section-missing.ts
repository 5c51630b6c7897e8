import { renderSectionTables } from '../render';
import { SECTIONS, standardHeading } from '../standard';
import type { Rule, RuleFinding } from './types';
import { closingOffset, followsFormat, insertBlock, lastLineSpan, lineSpanAt, msg, requiredEdition } from './util';

const rule: Rule = {
  id: 'section-missing',
  severity: 'error',
  description: msg('缺少六个标准部分之一', 'One of the six standard sections is absent'),
  fixDescription: msg(
    '在应有位置插入该部分标题（第二至四部分连同标准表格）',
    'Insert the heading (and, for 二–四, its standard table) at its place',
  ),
  check(report) {
    if (!followsFormat(report)) return [];
    const present = new Set(report.sections.map((s) => s.def.id));
    const level = report.sections[0]?.heading.level ?? 2;
    const findings: RuleFinding[] = [];
    SECTIONS.forEach((def, index) => {
      if (present.has(def.id)) return;
      const next = report.sections.find((s) => SECTIONS.indexOf(s.def) > index);
      const heading = `${level > 0 ? `${'#'.repeat(level)} ` : ''}${standardHeading(def)}`;
      const at = next ? lineSpanAt(report, next.heading.span.start).start : closingOffset(report);
      findings.push({
        span: next ? next.heading.span : lastLineSpan(report),
        message: msg(`缺少“${standardHeading(def)}”部分`, `Section “${standardHeading(def)}” is missing`),
        fixes: [
          {
            title: msg(`插入“${standardHeading(def)}”`, `Insert “${standardHeading(def)}”`),
            edits: () => {
              const tables = renderSectionTables(requiredEdition(report), def.id);
              return [insertBlock(report, at, tables ? `${heading}\n\n${tables}` : heading)];
            },
          },
        ],
      });
    });
    return findings;
  },
};
export default rule;
