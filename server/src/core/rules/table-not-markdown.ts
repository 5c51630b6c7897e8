import { replaceLines, tableToMarkdown } from '../convert';
import type { Rule } from './types';
import { allTables, lineSpanAt, msg } from './util';

const LAYOUT = {
  pipe: msg('缺少分隔行的竖线表格', 'pipe rows without a delimiter row'),
  cells: msg('每格一行粘贴的表格', 'a table pasted one cell per line'),
  columns: msg('以空格分列的表格（PDF 复制）', 'a table copied from a PDF, columns apart by spaces'),
  'run-together': msg(
    '标签与数字连写的表格（数字按列数和勾稽关系唯一拆分）',
    'a table with labels and figures run together (the figures split in the one way the columns and totals allow)',
  ),
};

const rule: Rule = {
  id: 'table-not-markdown',
  severity: 'warning',
  description: msg(
    '表格不是标准 markdown 表格（缺少分隔行，或每格一行粘贴）',
    'A table written as pipe rows without the delimiter row, or pasted one cell per line',
  ),
  fixDescription: msg('转换为规范的 markdown 表格（数值保留原样）', 'Convert the block to a canonical markdown table (values kept)'),
  check(report) {
    return allTables(report)
      .filter((t) => t.layout !== 'markdown')
      .map((table) => {
        const layout = LAYOUT[table.layout as keyof typeof LAYOUT];
        return {
          span: lineSpanAt(report, table.span.start),
          message: msg(
            `${table.def.name.zh}是${layout.zh}，不是标准 markdown 表格`,
            `The ${table.def.name.en} is ${layout.en}, not a markdown table`,
          ),
          fixes: [
            {
              title: msg('转换为 markdown 表格', 'Convert to a markdown table'),
              edits: () => [replaceLines(report, table.span, tableToMarkdown(table))],
            },
          ],
        };
      });
  },
};
export default rule;
