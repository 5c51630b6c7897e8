import { replaceLines, tableToMarkdown } from '../convert';
import { getEdition, isEdition } from '../standard';
import type { Rule } from './types';
import { allTables, lineSpanAt, msg } from './util';

const rule: Rule = {
  id: 'edition-mismatch',
  severity: 'error',
  description: msg(
    '表格使用的行列属于另一版本（如 2022 年报告使用 2019 版的“本年新制作数量”）',
    'The rows/columns used belong to another edition than the report year requires',
  ),
  fixDescription: msg(
    '替换为正确版本的表格，能对应的数值保留',
    'Replace the table with the right edition’s, values carried over where rows match',
  ),
  check(report) {
    const wanted = report.edition;
    if (!isEdition(wanted)) return [];
    const year = report.year ? `${report.year.value}年度报告` : '本报告';
    return allTables(report)
      .filter((t) => t.edition !== wanted)
      .map((table) => {
        const target = getEdition(wanted).tables.find((t) => t.section === table.def.section && t.item === table.def.item);
        return {
          span: lineSpanAt(report, (table.item ?? table.rows[0]?.label ?? table).span.start),
          message: msg(
            `${table.def.name.zh}使用的是${table.edition}版格式，${year}应使用${wanted}版（${getEdition(wanted).document}）`,
            `The ${table.def.name.en} follows the ${table.edition} edition; this report must use the ${wanted} edition (${getEdition(wanted).document})`,
          ),
          fixes: target
            ? [
                {
                  title: msg(`替换为${wanted}版表格`, `Replace with the ${wanted} edition’s table`),
                  edits: () => [replaceLines(report, table.span, tableToMarkdown(table, target))],
                  safe: false,
                },
              ]
            : [],
        };
      });
  },
};
export default rule;
