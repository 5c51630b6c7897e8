import type { Row, Table } from './model';

export function columnIndex(table: Table, id: string): number {
  return table.def.columns.findIndex((c) => c.id === id);
}

export function findRow(table: Table, id: string): Row | undefined {
  return table.rows.find((r) => r.def?.id === id);
}
