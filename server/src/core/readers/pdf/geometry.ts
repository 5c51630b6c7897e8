/** Rules drawn on a PDF page (cell borders) and the table grids they make. Coordinates: PDF units, y up. */

export type Box = [number, number, number, number];

/** A horizontal (`at` = y, from..to along x) or vertical (`at` = x, from..to along y) rule. */
export interface Rule {
  vertical: boolean;
  at: number;
  from: number;
  to: number;
}

/** The numbers of pdf.js's operator list this module reads (`OPS` and `DrawOPS` of pdfjs-dist). */
export interface PathOps {
  save: number;
  restore: number;
  transform: number;
  constructPath: number;
  /** Painting operators: the path is drawn (not a clip or an `endPath`). */
  stroke: Set<number>;
  fill: Set<number>;
}
const MOVE_TO = 0;
const LINE_TO = 1;
const CURVE_TO = 2;
const QUADRATIC_CURVE_TO = 3;
const CLOSE_PATH = 4;

type Matrix = [number, number, number, number, number, number];

const multiply = (m: Matrix, n: Matrix): Matrix => [
  m[0] * n[0] + m[1] * n[2],
  m[0] * n[1] + m[1] * n[3],
  m[2] * n[0] + m[3] * n[2],
  m[2] * n[1] + m[3] * n[3],
  m[4] * n[0] + m[5] * n[2] + n[4],
  m[4] * n[1] + m[5] * n[3] + n[5],
];

/** Rules thinner than this (in either direction) are lines; wider filled shapes are backgrounds. */
const THIN = 3;
/** Shorter pieces are dots, underlines of a glyph or arrow heads, not cell borders. */
const MIN_RULE = 4;

function ruleOf(x0: number, y0: number, x1: number, y1: number): Rule | undefined {
  const width = Math.abs(x1 - x0);
  const height = Math.abs(y1 - y0);
  if (width <= THIN && height >= MIN_RULE) return { vertical: true, at: (x0 + x1) / 2, from: Math.min(y0, y1), to: Math.max(y0, y1) };
  if (height <= THIN && width >= MIN_RULE) return { vertical: false, at: (y0 + y1) / 2, from: Math.min(x0, x1), to: Math.max(x0, x1) };
  return undefined;
}

/**
 * The straight horizontal and vertical rules a page draws: stroked lines and rectangles (LibreOffice, Word) and thin
 * filled rectangles (Chromium draws each cell border so).
 */
export function rulesOf(fnArray: ArrayLike<number>, argsArray: unknown[], ops: PathOps): Rule[] {
  const rules: Rule[] = [];
  const stack: Matrix[] = [];
  let ctm: Matrix = [1, 0, 0, 1, 0, 0];
  for (let i = 0; i < fnArray.length; i++) {
    const fn = fnArray[i];
    if (fn === ops.save) stack.push(ctm);
    else if (fn === ops.restore) ctm = stack.pop() ?? ctm;
    else if (fn === ops.transform) ctm = multiply(argsArray[i] as Matrix, ctm);
    else if (fn === ops.constructPath) {
      const [paint, [path]] = argsArray[i] as [number, [ArrayLike<number> | null]];
      if (!path || !(ops.stroke.has(paint) || ops.fill.has(paint))) continue;
      for (const points of subpaths(path)) {
        const page = points.map(([x, y]): [number, number] => [ctm[0] * x + ctm[2] * y + ctm[4], ctm[1] * x + ctm[3] * y + ctm[5]]);
        if (ops.stroke.has(paint)) {
          for (let p = 1; p < page.length; p++) {
            const rule = ruleOf(page[p - 1][0], page[p - 1][1], page[p][0], page[p][1]);
            if (rule) rules.push(rule);
          }
        } else {
          const xs = page.map((p) => p[0]);
          const ys = page.map((p) => p[1]);
          const rule = ruleOf(Math.min(...xs), Math.min(...ys), Math.max(...xs), Math.max(...ys));
          if (rule) rules.push(rule);
        }
      }
    }
  }
  return rules;
}

/** The polygons of a pdf.js path (curves reduced to their end points; a closed path returns to its start). */
function subpaths(path: ArrayLike<number>): [number, number][][] {
  const out: [number, number][][] = [];
  let current: [number, number][] = [];
  for (let i = 0; i < path.length; ) {
    switch (path[i]) {
      case MOVE_TO:
        if (current.length) out.push(current);
        current = [[path[i + 1], path[i + 2]]];
        i += 3;
        break;
      case LINE_TO:
        current.push([path[i + 1], path[i + 2]]);
        i += 3;
        break;
      case CURVE_TO:
        current.push([Number.NaN, Number.NaN], [path[i + 5], path[i + 6]]);
        i += 7;
        break;
      case QUADRATIC_CURVE_TO:
        current.push([Number.NaN, Number.NaN], [path[i + 3], path[i + 4]]);
        i += 5;
        break;
      case CLOSE_PATH:
        if (current.length) current.push(current[0]);
        i += 1;
        break;
      default:
        return out;
    }
  }
  if (current.length) out.push(current);
  // A curve breaks a polygon: its pieces are kept apart.
  return out.flatMap((points) => {
    const pieces: [number, number][][] = [[]];
    for (const p of points) {
      if (Number.isNaN(p[0])) pieces.push([]);
      else pieces[pieces.length - 1].push(p);
    }
    return pieces.filter((piece) => piece.length > 1);
  });
}

/** Positions closer than this are one grid line (a border drawn twice, or by each of two adjacent cells). */
const SAME_LINE = 3.5;
/** Rules that come this close touch (a corner drawn short of the crossing line). */
const TOUCH = 2.5;

/** Values grouped where they lie within SAME_LINE of each other; each group's mean. */
export function cluster(values: number[], gap = SAME_LINE): number[] {
  const sorted = [...values].sort((a, b) => a - b);
  const out: number[] = [];
  let group: number[] = [];
  for (const v of sorted) {
    if (group.length && v - group[group.length - 1] > gap) {
      out.push(group.reduce((a, b) => a + b, 0) / group.length);
      group = [];
    }
    group.push(v);
  }
  if (group.length) out.push(group.reduce((a, b) => a + b, 0) / group.length);
  return out;
}

function touches(a: Rule, b: Rule): boolean {
  if (a.vertical === b.vertical) {
    return Math.abs(a.at - b.at) <= TOUCH && a.from <= b.to + TOUCH && b.from <= a.to + TOUCH;
  }
  return b.at >= a.from - TOUCH && b.at <= a.to + TOUCH && a.at >= b.from - TOUCH && a.at <= b.to + TOUCH;
}

/** A table's frame: its rules, the grid lines they make (xs left to right, ys top to bottom) and its box. */
export interface Frame {
  rules: Rule[];
  xs: number[];
  ys: number[];
  box: Box;
}

/** Groups of touching rules that make a grid of at least one cell: each is a table (or a framed box). */
export function framesOf(rules: Rule[]): Frame[] {
  const parent = rules.map((_, i) => i);
  const find = (i: number): number => (parent[i] === i ? i : (parent[i] = find(parent[i])));
  const order = rules.map((_, i) => i).sort((a, b) => rules[a].from - rules[b].from);
  // Sweep along x for horizontals and y for verticals would be finer; the pages here hold a few thousand rules.
  for (let a = 0; a < order.length; a++) {
    for (let b = a + 1; b < order.length; b++) {
      const ra = rules[order[a]];
      const rb = rules[order[b]];
      if (touches(ra, rb)) parent[find(order[a])] = find(order[b]);
    }
  }
  const groups = new Map<number, Rule[]>();
  rules.forEach((rule, i) => {
    const root = find(i);
    groups.set(root, [...(groups.get(root) ?? []), rule]);
  });
  const frames: Frame[] = [];
  for (const group of groups.values()) {
    const verticals = group.filter((r) => r.vertical);
    const horizontals = group.filter((r) => !r.vertical);
    const xs = cluster(verticals.map((r) => r.at));
    const ys = cluster(horizontals.map((r) => r.at)).reverse();
    if (verticals.length === 0 || horizontals.length === 0) continue;
    // A table cut by a page break has no rule along the cut: its side rules still show where it ends.
    const ends = (values: number[], low: number, high: number) => {
      if (low < values[0] - SAME_LINE) values.unshift(low);
      if (high > values[values.length - 1] + SAME_LINE) values.push(high);
    };
    ends(xs, Math.min(...horizontals.map((r) => r.from)), Math.max(...horizontals.map((r) => r.to)));
    ys.reverse();
    ends(ys, Math.min(...verticals.map((r) => r.from)), Math.max(...verticals.map((r) => r.to)));
    ys.reverse();
    if (xs.length < 2 || ys.length < 2) continue;
    frames.push({ rules: group, xs, ys, box: [xs[0], ys[ys.length - 1], xs[xs.length - 1], ys[0]] });
  }
  return frames.sort((a, b) => b.box[3] - a.box[3]);
}

/** One cell of a frame: the grid rows and columns it covers (end exclusive) and its box. */
export interface GridCell {
  row: number;
  col: number;
  rowEnd: number;
  colEnd: number;
  box: Box;
}

function covered(rules: Rule[], vertical: boolean, at: number, along: number): boolean {
  return rules.some((r) => r.vertical === vertical && Math.abs(r.at - at) <= SAME_LINE && along >= r.from - TOUCH && along <= r.to + TOUCH);
}

/** The cells of a frame: grid positions joined where no rule separates them (merged cells). */
export function cellsOf(frame: Frame): GridCell[] {
  const { xs, ys, rules } = frame;
  const rows = ys.length - 1;
  const cols = xs.length - 1;
  const owner: number[][] = Array.from({ length: rows }, () => new Array<number>(cols).fill(-1));
  const cells: GridCell[] = [];
  for (let r = 0; r < rows; r++) {
    for (let c = 0; c < cols; c++) {
      if (owner[r][c] >= 0) continue;
      const midY = (ys[r] + ys[r + 1]) / 2;
      let colEnd = c + 1;
      while (colEnd < cols && owner[r][colEnd] < 0 && !covered(rules, true, xs[colEnd], midY)) colEnd++;
      let rowEnd = r + 1;
      const open = (row: number) => {
        for (let k = c; k < colEnd; k++) {
          if (owner[row][k] >= 0 || covered(rules, false, ys[row], (xs[k] + xs[k + 1]) / 2)) return false;
        }
        return true;
      };
      while (rowEnd < rows && open(rowEnd)) rowEnd++;
      const index = cells.length;
      for (let rr = r; rr < rowEnd; rr++) for (let k = c; k < colEnd; k++) owner[rr][k] = index;
      cells.push({ row: r, col: c, rowEnd, colEnd, box: [xs[c], ys[rowEnd], xs[colEnd], ys[r]] });
    }
  }
  return cells;
}
