import type { Rule } from './types';
import { allTables, msg, quote } from './util';

const rule: Rule = {
  id: 'row-unknown',
  severity: 'warning',
  description: msg('某行不对应本版本的任何标准行', 'A row matches no standard row of the edition'),
  check(report) {
    return allTables(report).flatMap((table) =>
      table.rows
        .filter((row) => !row.def && row.labels.length > 0)
        .map((row) => {
          const label = row.labels.map((c) => c.text).join(' ');
          return {
            span: { start: row.labels[0].span.start, end: row.labels[row.labels.length - 1].span.end },
            message: msg(
              `${quote(label)}不是${table.edition}版标准表格中的行`,
              `${quote(label)} is not a row of the ${table.edition} edition’s table`,
            ),
          };
        }),
    );
  },
};
export default rule;
