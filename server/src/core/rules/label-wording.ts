import type { Cell, Report, Table } from '../model';
import { EDITIONS, type LabelMatch, type TableDef, type Wording, matchColumn, matchRow } from '../standard';
import type { Rule, RuleFinding } from './types';
import { allTables, msg, quote, replace } from './util';

/** The numbering as the draft writes it (`3.`, `3、`, `（三）`), kept when the wording is replaced. */
const NUMBERING = /^[\s\u3000]*(?:[一二三四五六七八九十]+[、.．]|[（(][一二三四五六七八九十\d]+[)）][、.．]?|\d+[.、．)）])/;

function wordingFinding(cell: Cell, standard: string): RuleFinding {
  const numbering = NUMBERING.exec(cell.text)?.[0].trim() ?? '';
  const wanted = numbering + standard;
  return {
    span: cell.span,
    message: msg(`${quote(cell.text)}应为“${wanted}”`, `${quote(cell.text)} should read “${wanted}”`),
    fixes: [{ title: msg(`改为“${wanted}”`, `Change to “${wanted}”`), edits: [replace(cell.span, wanted)] }],
  };
}

/**
 * The same table in the edition the report follows, where the table was read as the other edition's (copied from
 * it): a label is worded as the report's edition words it (a 2023 report's 行政规范性文件 is right, whatever the
 * 2019 table it was copied from says).
 */
function reportEditionTable(report: Report, table: Table): TableDef | undefined {
  if (report.edition === table.edition) return undefined;
  return EDITIONS.find((e) => e.id === report.edition)?.tables.find((t) => t.id === table.def.id);
}

/** How a label is worded and what the standard says, judged by the report's edition where it has the same label. */
function judged<T extends { id: string; label: string }>(
  own: { def: T; wording: Wording },
  text: string,
  match: (def: TableDef, text: string) => LabelMatch<T> | undefined,
  other: TableDef | undefined,
): { wording: Wording; standard: string } {
  const there = other && match(other, text);
  if (there && there.def.id === own.def.id) return { wording: there.wording, standard: there.def.label };
  return { wording: own.wording, standard: own.def.label };
}

const rule: Rule = {
  id: 'label-wording',
  severity: 'warning',
  description: msg(
    '行或列的标签措辞与标准不一致（如“危机”应为“危及”）',
    'A row or column label differs from the standard wording (危机 → 危及)',
  ),
  fixDescription: msg('改为标准措辞', 'Replace with the standard wording'),
  check(report) {
    const findings: RuleFinding[] = [];
    for (const table of allTables(report)) {
      const other = reportEditionTable(report, table);
      for (const h of table.headerLabels) {
        const { wording, standard } = judged({ def: h.column, wording: h.wording }, h.cell.text, matchColumn, other);
        if (wording !== 'standard') findings.push(wordingFinding(h.cell, standard));
      }
      for (const row of table.rows) {
        if (!row.def || !row.label || !row.wording) continue;
        const { wording, standard } = judged({ def: row.def, wording: row.wording }, row.label.text, matchRow, other);
        if (wording !== 'standard') findings.push(wordingFinding(row.label, standard));
      }
    }
    return findings;
  },
};
export default rule;
