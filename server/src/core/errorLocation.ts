/**
 * Which cell is wrong: error localization as statistics offices do it (the Fellegi–Holt principle, as in R's
 * `errorlocate`). When relations of a table fail, the smallest sets of cells whose change makes every relation of
 * the table hold are its explanations. Totals are cells like any other: no cell is assumed right.
 *
 * The relations are a linear system with small integer coefficients; a blank total is an unknown (it stands for
 * whatever value its relations give it) and is eliminated first. The search is exact over one cell, then two.
 */
import type { Cell, Table } from './model';
import { derived } from './derived';
import { evaluate } from './relations';
import type { ColumnDef } from './standard';
import { placeOf } from './tables';

export interface Change {
  cell: Cell;
  /** The figure as read (a blank counts as 0). */
  found: number;
  /** The figure that makes every relation of the table hold. */
  proposed: number;
}

export interface Explanation {
  /** In the order of the text. */
  changes: Change[];
  /** Every proposed figure is a plausible typo of the one found (see `isTypo`). */
  typo: boolean;
}

export interface Localization {
  /** Some relation of the table fails (its blank totals taking whatever values suit them best). */
  failing: boolean;
  /**
   * The smallest explanations, of at most `MAX_CELLS` cells: plausible typos first, then in the order of the text.
   * Empty where every relation holds, or where no change of so few cells makes them all hold.
   */
  explanations: Explanation[];
  /** The explanation, where there is exactly one smallest (the only case in which a fix may change figures). */
  unique?: Explanation;
  /**
   * What each blank total stands for: as the table stands where it holds, once the unique explanation is applied
   * where there is one, and only for blanks out of the suspects' reach otherwise. Only values its column allows.
   */
  blankTotals: Map<Cell, number>;
}

/** Explanations are searched up to this many cells (the bound keeps a Section 三 table to about a thousand pairs). */
export const MAX_CELLS = 2;
const EPSILON = 1e-6;
const round = (n: number) => Math.round(n * 100) / 100;

/**
 * Whether `written` could be `meant` mistyped: one digit changed, added or dropped, or two neighbouring digits
 * swapped (`13`/`18`, `13`/`133`, `13`/`3`, `13`/`31`).
 */
export function isTypo(meant: string, written: string): boolean {
  if (meant === written) return false;
  if (meant.length === written.length) {
    const differ: number[] = [];
    for (let i = 0; i < meant.length && differ.length <= 2; i++) if (meant[i] !== written[i]) differ.push(i);
    if (differ.length === 1) return true;
    const [i, j] = differ;
    return differ.length === 2 && j === i + 1 && meant[i] === written[j] && meant[j] === written[i];
  }
  const [short, long] = meant.length < written.length ? [meant, written] : [written, meant];
  if (long.length !== short.length + 1) return false;
  let i = 0;
  while (i < short.length && short[i] === long[i]) i++;
  return short.slice(i) === long.slice(i + 1);
}

function allowed(column: ColumnDef | undefined, value: number): boolean {
  if (!Number.isFinite(value)) return false;
  const whole = Math.abs(value - Math.round(value)) < EPSILON;
  switch (column?.kind) {
    case 'money':
      return value >= -EPSILON;
    case 'signedCount':
      return whole;
    default:
      return whole && value >= -EPSILON;
  }
}

/** A linear equation Σ coefficient·x = 0 over the cells of a table, by variable index. */
type Equation = Map<number, number>;

/** a·e + b·f, without the zero coefficients. */
function combine(a: number, e: Equation, b: number, f: Equation): Equation {
  const out: Equation = new Map();
  for (const [v, c] of e) out.set(v, a * c);
  for (const [v, c] of f) {
    const sum = (out.get(v) ?? 0) + b * c;
    if (sum === 0) out.delete(v);
    else out.set(v, sum);
  }
  return out;
}

interface System {
  table: Table;
  cells: Cell[];
  /** The figure of each cell as read (blank totals: 0, they are eliminated). */
  values: number[];
  /** Cells a fix may change: read as a figure or blank, not blank totals, with a place in the text. */
  candidate: boolean[];
  /** The relations with the blank totals eliminated. */
  equations: Equation[];
  residuals: number[];
  /** For each variable, the equations it appears in and its coefficient there. */
  support: [equation: number, coefficient: number][][];
  /** Each eliminated blank total with the equation that gives its value (no other blank total in it). */
  pivots: { variable: number; equation: Equation }[];
}

function systemOf(table: Table): System {
  const results = evaluate(table);
  const cells: Cell[] = [];
  const index = new Map<Cell, number>();
  const blankTotals = new Set<number>();
  let equations: Equation[] = [];
  for (const r of results) {
    const e: Equation = new Map();
    for (let t = -1; t < r.termCells.length; t++) {
      const cell = t < 0 ? r.cell : r.termCells[t]!;
      let v = index.get(cell);
      if (v === undefined) index.set(cell, (v = cells.push(cell) - 1));
      if (t < 0 && r.status === 'blank') blankTotals.add(v);
      const sum = (e.get(v) ?? 0) + (t < 0 || r.terms[t].negative ? -1 : 1);
      if (sum === 0) e.delete(v);
      else e.set(v, sum);
    }
    equations.push(e);
  }
  const pivots: System['pivots'] = [];
  for (const v of blankTotals) {
    const containing = equations.filter((e) => e.has(v));
    if (containing.length === 0) continue;
    const pivot = containing.find((e) => Math.abs(e.get(v)!) === 1) ?? containing[0];
    const p = pivot.get(v)!;
    const eliminate = (e: Equation) => (e.has(v) ? combine(p, e, -e.get(v)!, pivot) : e);
    equations = equations.filter((e) => e !== pivot).map(eliminate);
    for (const other of pivots) other.equation = eliminate(other.equation);
    pivots.push({ variable: v, equation: pivot });
  }
  equations = equations.filter((e) => e.size > 0);
  const values: number[] = [];
  const candidate: boolean[] = [];
  const support: System['support'] = [];
  for (let v = 0; v < cells.length; v++) {
    const cell = cells[v];
    values.push(cell.value.kind === 'number' ? cell.value.value : 0);
    candidate.push(!blankTotals.has(v) && !cell.missing && cell.value.kind !== 'text');
    support.push([]);
  }
  const residuals: number[] = [];
  for (let k = 0; k < equations.length; k++) {
    let sum = 0;
    for (const [v, c] of equations[k]) {
      sum += c * values[v];
      support[v].push([k, c]);
    }
    residuals.push(Math.round(sum * 1e6) / 1e6);
  }
  return { table, cells, values, candidate, equations, residuals, support, pivots };
}

const columnOf = (system: System, v: number) => placeOf(system.table, system.cells[v])?.column;

function coefficient(system: System, v: number, equation: number): number {
  for (const [k, c] of system.support[v]) if (k === equation) return c;
  return 0;
}

/** The change of one cell that makes every equation hold, if there is one. */
function single(system: System, failing: number[], v: number): number | undefined {
  const support = system.support[v];
  if (support.length !== failing.length) return undefined;
  const [k0, c0] = support[0];
  const delta = -system.residuals[k0] / c0;
  if (Math.abs(delta) < EPSILON) return undefined;
  for (const [k, c] of support) if (Math.abs(system.residuals[k] + c * delta) > EPSILON) return undefined;
  return delta;
}

/** The changes of two cells that make every equation hold, if there are (one pair of values only). */
function pair(system: System, failing: Set<number>, v: number, w: number): [number, number] | undefined {
  const equations = new Set([...system.support[v].map(([k]) => k), ...system.support[w].map(([k]) => k)]);
  for (const k of failing) if (!equations.has(k)) return undefined;
  const rows = [...equations].map((k) => [coefficient(system, v, k), coefficient(system, w, k), system.residuals[k]]);
  let solution: [number, number] | undefined;
  for (let i = 0; i < rows.length && !solution; i++) {
    for (let j = i + 1; j < rows.length && !solution; j++) {
      const [a1, b1, r1] = rows[i];
      const [a2, b2, r2] = rows[j];
      const det = a1 * b2 - a2 * b1;
      if (det !== 0) solution = [(-r1 * b2 + r2 * b1) / det, (-a1 * r2 + a2 * r1) / det];
    }
  }
  // Two cells in exactly the same relations: their values are not determined (one of them alone is a smaller answer).
  if (!solution) return undefined;
  const [dv, dw] = solution;
  if (Math.abs(dv) < EPSILON || Math.abs(dw) < EPSILON) return undefined;
  for (const [a, b, r] of rows) if (Math.abs(r + a * dv + b * dw) > EPSILON) return undefined;
  return solution;
}

function explanation(system: System, changes: [number, number][]): Explanation | undefined {
  const out: Change[] = [];
  for (const [v, delta] of changes) {
    const proposed = round(system.values[v] + delta);
    if (!allowed(columnOf(system, v), proposed)) return undefined;
    out.push({ cell: system.cells[v], found: system.values[v], proposed });
  }
  out.sort((a, b) => a.cell.span.start - b.cell.span.start);
  const typo = out.every((c) => isTypo(String(c.proposed), String(c.found)));
  return { changes: out, typo };
}

function search(system: System): Explanation[] {
  const failingList = system.residuals.flatMap((r, k) => (Math.abs(r) > EPSILON ? [k] : []));
  const failing = new Set(failingList);
  const first = system.equations[failingList[0]];
  const found: Explanation[] = [];
  for (const v of first.keys()) {
    if (!system.candidate[v]) continue;
    const delta = single(system, failingList, v);
    const e = delta === undefined ? undefined : explanation(system, [[v, delta]]);
    if (e) found.push(e);
  }
  if (found.length || MAX_CELLS < 2) return found;
  const seen = new Set<string>();
  for (const v of first.keys()) {
    if (!system.candidate[v]) continue;
    // The other cell lies in a failing relation v is not in, or (v alone overshooting) in one of v's relations.
    const outside = failingList.find((k) => coefficient(system, v, k) === 0);
    const reach = outside !== undefined ? [outside] : system.support[v].map(([k]) => k);
    for (const k of reach) {
      for (const w of system.equations[k].keys()) {
        if (w === v || !system.candidate[w]) continue;
        const key = v < w ? `${v},${w}` : `${w},${v}`;
        if (seen.has(key)) continue;
        seen.add(key);
        const deltas = pair(system, failing, v, w);
        const e =
          deltas &&
          explanation(system, [
            [v, deltas[0]],
            [w, deltas[1]],
          ]);
        if (e) found.push(e);
      }
    }
  }
  return found;
}

/** The value each blank total takes once `changes` are applied, where its column allows it. */
function blankValues(system: System, changes: Change[], within?: (pivot: Equation) => boolean): Map<Cell, number> {
  const values = [...system.values];
  for (const c of changes) values[system.cells.indexOf(c.cell)] = c.proposed;
  const out = new Map<Cell, number>();
  for (const { variable, equation } of system.pivots) {
    if (within && !within(equation)) continue;
    let rest = 0;
    for (const [v, c] of equation) if (v !== variable) rest += c * values[v];
    const value = round(-rest / equation.get(variable)!);
    if (allowed(columnOf(system, variable), value)) out.set(system.cells[variable], value);
  }
  return out;
}

export function locateErrors(table: Table): Localization {
  return derived(table, locateErrors, () => localize(table));
}

function localize(table: Table): Localization {
  const system = systemOf(table);
  const failing = system.residuals.some((r) => Math.abs(r) > EPSILON);
  let result: Localization;
  if (!failing) {
    result = { failing, explanations: [], blankTotals: blankValues(system, []) };
  } else {
    const explanations = search(system).sort(
      (a, b) => Number(b.typo) - Number(a.typo) || a.changes[0].cell.span.start - b.changes[0].cell.span.start,
    );
    const unique = explanations.length === 1 ? explanations[0] : undefined;
    const suspects = new Set(explanations.flatMap((e) => e.changes.map((c) => system.cells.indexOf(c.cell))));
    const blankTotals = unique
      ? blankValues(system, unique.changes)
      : explanations.length
        ? blankValues(system, [], (equation) => ![...equation.keys()].some((v) => suspects.has(v)))
        : new Map<Cell, number>();
    result = { failing, explanations, unique, blankTotals };
  }
  return result;
}
