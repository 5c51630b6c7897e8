import type { Report, Row, Table } from '../model';
import { countOf } from '../rules/carry-over';
import { followsFormat } from '../standard';

/** One kind of result of Section 三 (（三）不予公开 with its eight reasons summed), in the 总计 column. */
export interface HandledGroup {
  label: string;
  count: number;
}

/** Section 三 in figures a reviewer looks at: applications received and how they were handled, as published. */
export interface RequestFigures {
  /** 一、本年新收 in the 总计 column; absent where that cell is not a count (text, a missing row). */
  received?: number;
  /** 三、本年度办理结果 by kind, (一) to (六); absent where any of its cells is not a count. */
  handled?: HandledGroup[];
}

/** A row's own label without the explanation in brackets (`部分公开（区分处理的，…）` is `部分公开`). */
const shortLabel = (label: string) => label.replace(/（[^（）]*）$/, '');

/** The 总计 figure of a row; a blank counts 0 as in the sums (cell-blank reports it), text or a missing cell is none. */
function totalOf(table: Table, row: Row | undefined): number | undefined {
  const column = table.def.columns.findIndex((c) => c.id === 'total');
  return row && column !== -1 ? countOf(row.values[column]) : undefined;
}

/**
 * The figures of a report's Section 三 table; undefined where the report has none (or follows no edition). The kinds
 * of result are the terms of the standard's results sum, grouped under their heading (（三）不予公开 1.–8.).
 */
export function requestFigures(report: Report): RequestFigures | undefined {
  if (!followsFormat(report.edition)) return undefined;
  const table = report.sections.flatMap((s) => s.tables).find((t) => t.def.id === 'requests');
  if (!table) return undefined;
  const rowsById = new Map(table.rows.flatMap((r) => (r.def ? [[r.def.id, r] as const] : [])));
  const figures: RequestFigures = {};
  const received = totalOf(table, rowsById.get('received'));
  if (received !== undefined) figures.received = received;
  const results = table.def.relations.find((r) => r.rule === 'results-total')?.terms ?? [];
  const groups = new Map<string, number>();
  for (const id of results) {
    const def = table.def.rows.find((r) => r.id === id);
    const count = totalOf(table, rowsById.get(id));
    if (!def || count === undefined) return figures;
    const label = def.parents[1] ?? `${def.number}${shortLabel(def.label)}`;
    groups.set(label, (groups.get(label) ?? 0) + count);
  }
  if (groups.size) figures.handled = [...groups].map(([label, count]) => ({ label, count }));
  return figures;
}
