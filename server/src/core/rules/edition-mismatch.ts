import { replaceLines, tableToMarkdown } from '../convert';
import { getEdition } from '../standard';
import type { Rule } from './types';
import { allTables, lineSpanAt, msg } from './util';

const rule: Rule = {
  id: 'edition-mismatch',
  severity: 'error',
  description: msg('表格使用的行列属于另一版本（如 2022 年报告使用 2019 版的“本年新制作数量”）', 'The rows/columns used belong to the other edition than the report year requires'),
  fixDescription: msg('替换为正确版本的表格，能对应的数值保留', 'Replace the table with the right edition’s, values carried over where rows match'),
  check(report) {
    if (report.edition !== '2019' && report.edition !== '2021') return [];
    const wanted = report.edition;
    const year = report.year ? `${report.year.value}年度报告` : '本报告';
    return allTables(report)
      .filter((t) => t.edition !== wanted)
      .map((table) => {
        const name = table.def.item ?? (table.def.section === 'requests' ? '第三部分表格' : '第四部分表格');
        const target = getEdition(wanted).tables.find((t) => t.section === table.def.section && t.item === table.def.item);
        return {
          span: lineSpanAt(report, (table.item ?? table.rows[0]?.label ?? table).span.start),
          message: msg(
            `${name}使用的是${table.edition}版格式，${year}应使用${wanted}版（${getEdition(wanted).document}）`,
            `${name} follows the ${table.edition} edition; this report must use the ${wanted} edition (${getEdition(wanted).document})`,
          ),
          fixes: target
            ? [
                {
                  title: msg(`替换为${wanted}版表格`, `Replace with the ${wanted} edition’s table`),
                  edits: [replaceLines(report, table.span, tableToMarkdown(table, target))],
                  safe: false,
                },
              ]
            : [],
        };
      });
  },
};
export default rule;
