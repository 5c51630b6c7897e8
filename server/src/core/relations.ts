import { derived } from './derived';
import type { Cell, Row, Table } from './model';
import type { RelationDef } from './standard';
import { columnIndex, findRow, misshapen } from './tables';

export interface Term {
  value: number;
  /** Subtracted (balance: （七）总计 stands on the side of 四). */
  negative: boolean;
}

export interface RelationResult {
  relation: RelationDef;
  table: Table;
  /** The cell where a mismatch is reported. */
  cell: Cell;
  /** What the cell is, for messages: the row label for a row relation, the column label for a column relation. */
  context: string;
  terms: Term[];
  expected: number;
  /** `blank`: the total cell is blank (not compared; its cell-blank fix fills `expected` in). */
  status: 'holds' | 'mismatch' | 'blank';
  termCells: (Cell | undefined)[];
}

const EPSILON = 0.005;
/** Stands for the cell a short row does not have: its value is unknown, so relations through it are skipped. */
const ABSENT: Cell = { text: '', span: { start: 0, end: 0 }, value: { kind: 'text' } };

interface Instance {
  relation: RelationDef;
  cell: Cell | undefined;
  context: string;
  /** Undefined: the term's row is absent from the table. */
  termCells: (Cell | undefined)[];
  negatives: boolean[];
}

/**
 * Every place a relation of the standard applies in a table: one per row (axis row) or per column (axis column).
 * Shape before sums: the cells of a row with too few or too many figures stand for unknown values.
 */
function instancesOf(table: Table): Instance[] {
  const instances: Instance[] = [];
  const shaped = new Map<Row, Cell[]>();
  const valuesOf = (row: Row) => {
    let values = shaped.get(row);
    if (!values) shaped.set(row, (values = misshapen(table, row) ? [] : row.values));
    return values;
  };
  for (const relation of table.def.relations) {
    if (relation.axis === 'row') {
      const total = columnIndex(table, relation.total);
      const terms = relation.terms.map((id) => columnIndex(table, id));
      for (const row of table.rows) {
        if (!row.def || row.values.length <= total) continue;
        const context = row.def.label || table.def.columns[total].group || '';
        const values = valuesOf(row);
        instances.push({
          relation,
          cell: values[total] ?? ABSENT,
          context,
          termCells: terms.map((i) => values[i] ?? ABSENT),
          negatives: terms.map(() => false),
        });
      }
    } else {
      const totalRow = findRow(table, relation.total);
      if (!totalRow) continue;
      const termRows = [...relation.terms, ...relation.totalSide].map((id) => findRow(table, id));
      const negatives = [...relation.terms.map(() => false), ...relation.totalSide.map(() => true)];
      table.def.columns.forEach((column, c) => {
        const termCells = termRows.map((r) => (r ? (valuesOf(r)[c] ?? ABSENT) : undefined));
        instances.push({ relation, cell: valuesOf(totalRow)[c] ?? ABSENT, context: column.label, termCells, negatives });
      });
    }
  }
  return instances;
}

const sum = (values: number[], negatives: boolean[]) =>
  Math.round(values.reduce((total, v, i) => total + (negatives[i] ? -v : v), 0) * 100) / 100;

/**
 * Every relation of the standard evaluated on a table. A blank cell counts as 0, except a blank total, which stands
 * for its computed value wherever it is a term (worked out to a fixed point, whatever order the relations come in).
 * A term that is text, in an absent row, or a blank total that cannot be computed makes the relation unknown: skipped.
 */
export function evaluate(table: Table): RelationResult[] {
  return derived(table, evaluate, () => evaluateTable(table));
}

function evaluateTable(table: Table): RelationResult[] {
  const instances = instancesOf(table);
  const computed = new Map<Cell, number | null>();
  const valueOfCell = (cell: Cell | undefined): number | null => {
    if (!cell) return null;
    if (cell.value.kind === 'number') return cell.value.value;
    if (cell.value.kind === 'blank') return computed.has(cell) ? computed.get(cell)! : 0;
    return null;
  };
  const termValues = (instance: Instance) => {
    const values = instance.termCells.map(valueOfCell);
    return values.includes(null) ? null : (values as number[]);
  };
  const blankTotals = instances.filter((i) => i.cell?.value.kind === 'blank');
  // Totals feed totals at most as deep as there are relations (row totals → （七）总计 → balance).
  for (let pass = 0, changed = true; changed && pass <= table.def.relations.length; pass++) {
    changed = false;
    for (const instance of blankTotals) {
      const values = termValues(instance);
      const value = values && sum(values, instance.negatives);
      if (computed.get(instance.cell!) !== value) {
        computed.set(instance.cell!, value);
        changed = true;
      }
    }
  }
  const results: RelationResult[] = [];
  for (const { relation, cell, context, termCells, negatives } of instances) {
    const values = termValues({ relation, cell, context, termCells, negatives });
    if (!cell || cell.value.kind === 'text' || !values) continue;
    const expected = sum(values, negatives);
    const status = cell.value.kind === 'blank' ? 'blank' : Math.abs(cell.value.value - expected) < EPSILON ? 'holds' : 'mismatch';
    const terms = values.map((value, i) => ({ value, negative: negatives[i] }));
    results.push({ relation, table, cell, context, terms, expected, status, termCells });
  }
  return results;
}
