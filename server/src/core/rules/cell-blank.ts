import type { Cell, Row, Table } from '../model';
import { locateErrors } from '../errorLocation';
import { evaluate } from '../relations';
import type { Rule, RuleFinding, TextEdit } from './types';
import { allTables, editable, fillCell, formatNumber, lineSpanAt, msg } from './util';

interface Blank {
  row: Row;
  cell: Cell;
  column: string;
}

/**
 * What a blank cell is filled with: a blank total gets the value its relations give it (undefined where the table's
 * failing sums leave that open); a blank that the table's unique explanation changes gets its figure; others 0.
 */
function fillValue(table: Table, cell: Cell): string | undefined {
  const { unique, blankTotals } = locateErrors(table);
  const change = unique?.changes.find((c) => c.cell === cell);
  if (change) return formatNumber(change.proposed);
  if (!evaluate(table).some((r) => r.cell === cell && r.status === 'blank')) return '0';
  const value = blankTotals.get(cell);
  return value === undefined ? undefined : formatNumber(value);
}

const rule: Rule = {
  id: 'cell-blank',
  severity: 'error',
  description: msg(
    '数值格为空；表格大部分为空时，每个表格只报告一次（附空格数）',
    'A value cell is empty; where most cells of a table are blank, one finding per table (with the count)',
  ),
  fixDescription: msg(
    '填 0（本格，或本表全部空格；可计算的合计格填计算值）',
    'Fill with 0 (one cell, or every blank of the table; a computable total gets its computed value)',
  ),
  check(report) {
    const findings: RuleFinding[] = [];
    for (const table of allTables(report)) {
      const blanks: Blank[] = [];
      let cells = 0;
      for (const row of table.rows) {
        row.values.forEach((cell, i) => {
          cells++;
          // A row matching no standard row that has no values at all is not a row of figures (row-unknown says so).
          if (cell.value.kind === 'blank' && (row.def || !cell.missing))
            blanks.push({ row, cell, column: table.def.columns[i]?.label ?? '' });
        });
      }
      if (blanks.length === 0) continue;
      const present = blanks.filter((b) => editable(b.cell));
      const fillEdits: TextEdit[] = present.flatMap((b) => {
        const value = fillValue(table, b.cell);
        return value === undefined ? [] : [fillCell(b.cell, value)];
      });
      const fillAll = fillEdits.length
        ? [
            {
              title: msg(`本表 ${fillEdits.length} 个空格全部填 0`, `Fill all ${fillEdits.length} blank cells of the table with 0`),
              edits: fillEdits,
            },
          ]
        : [];
      // Cells a row does not have at all cannot be filled in: they are always reported one by one, without a fix.
      const written = cells - (blanks.length - present.length);
      let single = blanks;
      if (present.length * 2 > written && present.length > 1) {
        findings.push({
          span: lineSpanAt(report, table.span.start),
          message: msg(
            `表格有 ${present.length} 个空白数值格（共 ${written} 格）`,
            `The table has ${present.length} blank value cells (of ${written})`,
          ),
          fixes: fillAll,
        });
        single = blanks.filter((b) => !editable(b.cell));
      }
      for (const { row, cell, column } of single) {
        const label = row.label?.text ?? row.def?.label ?? '';
        const value = fillValue(table, cell);
        findings.push({
          span: cell.missing ? (row.label?.span ?? row.span) : cell.span,
          message: msg(`${label ? `“${label}”行` : ''}“${column}”列为空`, `${label ? `Row “${label}”, ` : ''}column “${column}” is empty`),
          fixes: editable(cell)
            ? [
                ...(value === undefined ? [] : [{ title: msg(`填入 ${value}`, `Fill in ${value}`), edits: [fillCell(cell, value)] }]),
                ...(blanks.length > 1 ? fillAll : []),
              ]
            : [],
        });
      }
    }
    return findings;
  },
};
export default rule;
