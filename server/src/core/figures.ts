import { agencyOf } from './agency';
import type { Report } from './model';
import { followsFormat } from './standard';

/** One cell of a standard table as data: a number, null for a blank cell, or the text written where a number belongs. */
export interface Figure {
  agency?: string;
  year?: number;
  edition: string;
  /** The ids of the standard (stable across editions where the table is the same), and the labels a reader knows. */
  table: string;
  row: string;
  column: string;
  tableLabel: string;
  rowLabel: string;
  columnLabel: string;
  value: number | string | null;
}

/** Every value cell of every standard row of every standard table of a report, as written (nothing read into it). */
export function figuresOf(report: Report): Figure[] {
  if (!followsFormat(report.edition)) return [];
  const agency = agencyOf(report);
  const year = report.year?.value;
  const figures: Figure[] = [];
  for (const table of report.sections.flatMap((s) => s.tables)) {
    for (const row of table.rows) {
      if (!row.def) continue;
      table.def.columns.forEach((column, i) => {
        const cell = row.values[i];
        if (!cell || cell.missing) return;
        const value = cell.value.kind === 'number' ? cell.value.value : cell.value.kind === 'blank' ? null : cell.text;
        figures.push({
          ...(agency !== undefined && { agency }),
          ...(year !== undefined && { year }),
          edition: table.edition,
          table: table.def.id,
          row: row.def!.id,
          column: column.id,
          tableLabel: table.def.name.zh,
          rowLabel: [...row.def!.parents, row.def!.number + row.def!.label].filter(Boolean).join(' / '),
          columnLabel: [column.group, column.label].filter(Boolean).join(' / '),
          value,
        });
      });
    }
  }
  return figures;
}
