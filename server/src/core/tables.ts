import { derived } from './derived';
import type { Cell, Row, Table } from './model';
import type { ColumnDef } from './standard';

export function columnIndex(table: Table, id: string): number {
  return table.def.columns.findIndex((c) => c.id === id);
}

/** How many value cells a row has, cells past the table's columns included (none for a label without figures). */
export function valueCount(row: Row): number {
  let count = row.extra.length;
  for (const cell of row.values) if (!cell.missing) count++;
  return count;
}

/** A row whose figures do not fill the table's columns one to one: which figure is whose column is unknown. */
export function misshapen(table: Table, row: Row): boolean {
  const count = valueCount(row);
  return count !== 0 && count !== table.def.columns.length;
}

export function findRow(table: Table, id: string): Row | undefined {
  return table.rows.find((r) => r.def?.id === id);
}

export interface Place {
  row: Row;
  column: ColumnDef;
}

/** The row and column of a value cell of a table. */
export function placeOf(table: Table, cell: Cell): Place | undefined {
  return derived(table, placeOf, () => {
    const map = new Map<Cell, Place>();
    for (const row of table.rows) row.values.forEach((c, i) => table.def.columns[i] && map.set(c, { row, column: table.def.columns[i] }));
    return map;
  }).get(cell);
}
