import type { Cell } from '../model';
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

const rule: Rule = {
  id: 'label-wording',
  severity: 'warning',
  description: msg('行或列的标签措辞与标准不一致（如“危机”应为“危及”）', 'A row or column label differs from the standard wording (危机 → 危及)'),
  fixDescription: msg('改为标准措辞', 'Replace with the standard wording'),
  check(report) {
    const findings: RuleFinding[] = [];
    for (const table of allTables(report)) {
      for (const h of table.headerLabels) if (h.wording !== 'standard') findings.push(wordingFinding(h.cell, h.column.label));
      for (const row of table.rows) {
        if (row.def && row.label && row.wording && row.wording !== 'standard') findings.push(wordingFinding(row.label, row.def.label));
      }
    }
    return findings;
  },
};
export default rule;
