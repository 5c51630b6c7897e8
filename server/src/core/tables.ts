import type { Cell, Row, Table } from './model';
import type { ColumnDef } from './standard';

export function columnIndex(table: Table, id: string): number {
  return table.def.columns.findIndex((c) => c.id === id);
}

export function findRow(table: Table, id: string): Row | undefined {
  return table.rows.find((r) => r.def?.id === id);
}

export interface Place {
  row: Row;
  column: ColumnDef;
}

const places = new WeakMap<Table, Map<Cell, Place>>();

/** The row and column of a value cell of a table. */
export function placeOf(table: Table, cell: Cell): Place | undefined {
  let map = places.get(table);
  if (!map) {
    map = new Map();
    for (const row of table.rows) row.values.forEach((c, i) => table.def.columns[i] && map!.set(c, { row, column: table.def.columns[i] }));
    places.set(table, map);
  }
  return map.get(cell);
}
