import { renderSectionTables, renderStandardTable } from '../render';
import { hasItemTables, TABLE_SECTIONS, tableForItem, tablesOf } from '../standard';
import type { Rule, RuleFinding } from './types';
import { followsFormat, insertBlock, msg, requiredEdition, sectionsOf } from './util';

const rule: Rule = {
  id: 'table-missing',
  severity: 'error',
  description: msg('第二、三、四部分缺少标准表格', 'Section 二, 三 or 四 has no table (or, in 二, lacks an item’s table)'),
  fixDescription: msg('插入本报告版本的标准表格', 'Insert the standard table of the report’s edition'),
  check(report) {
    if (!followsFormat(report)) return [];
    const edition = requiredEdition(report);
    const findings: RuleFinding[] = [];
    for (const id of TABLE_SECTIONS) {
      for (const section of sectionsOf(report, id).slice(0, 1)) {
        const at = section.span.end;
        if (section.tables.length === 0 && section.unread.length === 0) {
          findings.push({
            span: section.heading.span,
            message: msg(`“${section.heading.text}”部分缺少标准表格`, `Section ${section.heading.text} has no table`),
            fixes: [
              {
                title: msg(`插入${edition}版标准表格`, `Insert the standard table (${edition} edition)`),
                edits: () => [insertBlock(report, at, renderSectionTables(edition, id))],
              },
            ],
          });
          continue;
        }
        if (!hasItemTables(id)) continue;
        const present = new Set(section.tables.map((t) => t.def.item));
        for (const table of section.unread) present.add(table.item && tableForItem(edition, table.item)?.item);
        for (const def of tablesOf(edition, id).filter((t) => !present.has(t.item))) {
          findings.push({
            span: section.heading.span,
            message: msg(`缺少“${def.item}”的表格`, `The table of ${def.item} is missing`),
            fixes: [
              {
                title: msg(`插入“${def.item}”表格`, `Insert the table of ${def.item}`),
                edits: () => [insertBlock(report, at, renderStandardTable(def))],
              },
            ],
          });
        }
      }
    }
    return findings;
  },
};
export default rule;
