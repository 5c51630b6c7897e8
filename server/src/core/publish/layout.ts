import type { Finding } from '../check';
import type { Cell, Span, Table } from '../model';
import { type TableDef, fullRowLabel } from '../standard';

/** What a cell of the published table holds: the corner note, a group or column heading, a row label, a figure. */
export type GridCellKind = 'corner' | 'group' | 'column' | 'label' | 'figure';

export interface GridCell {
  kind: GridCellKind;
  text: string;
  rowSpan: number;
  colSpan: number;
  /** The findings on this very cell (a wrong total, a blank, a misspelt label). */
  findings: Finding[];
  /** Where the cell's text is in the draft (figures and labels only). */
  span?: Span;
}

export interface PublishedTable {
  def: TableDef;
  /** The item name a Section 二 table is published under (`第二十条第（一）项`), as the draft writes it. */
  caption?: string;
  header: GridCell[][];
  body: GridCell[][];
  /** The findings inside the table that belong to no single cell (a missing row, a table written cell per line). */
  notes: Finding[];
  /** Columns in all: label columns and value columns. */
  width: number;
}

const cell = (kind: GridCellKind, text: string, rowSpan = 1, colSpan = 1): GridCell => ({ kind, text, rowSpan, colSpan, findings: [] });

/** The heading path of each value column, outermost first: the table's header groups, the column's groups, its label. */
function columnPaths(def: TableDef): string[][] {
  return def.columns.map((c) => [...def.headerGroups, ...(c.group?.split('·').map((g) => g.trim()) ?? []), c.label]);
}

const samePrefix = (a: string[] | undefined, b: string[], length: number) =>
  a !== undefined && a.length > length && a.slice(0, length + 1).join('\n') === b.slice(0, length + 1).join('\n');

/**
 * The header of the official table: groups merged over the columns they head (colspan), a column label with no
 * group below it standing down to the last header row (rowspan), the corner cell over the label columns.
 */
export function headerLayout(def: TableDef): GridCell[][] {
  const paths = columnPaths(def);
  const depth = Math.max(...paths.map((p) => p.length));
  const rows: GridCell[][] = Array.from({ length: depth }, () => []);
  if (def.labelColumns > 0) rows[0].push(cell('corner', def.corner, depth, def.labelColumns));
  paths.forEach((path, i) => {
    path.forEach((text, level) => {
      if (samePrefix(paths[i - 1], path, level)) return;
      const leaf = level === path.length - 1;
      let colSpan = 1;
      while (samePrefix(paths[i + colSpan], path, level)) colSpan++;
      rows[level].push(cell(leaf ? 'column' : 'group', text, leaf ? depth - level : 1, colSpan));
    });
  });
  return rows;
}

/** The label path of a body row, outermost first: the standard's groups, then the row's own label as written. */
function labelPath(row: Table['rows'][number]): { path: string[]; own?: Cell } {
  if (row.def) return { path: [...row.def.parents, row.label?.text || fullRowLabel(row.def)], own: row.label };
  const written = row.labels.map((l) => l.text).filter(Boolean);
  return { path: [written.join(' ')], own: row.labels.find((l) => l.text) };
}

function within(span: Span, outer: Span): boolean {
  return span.start >= outer.start && span.end <= outer.end && (span.start < outer.end || span.start === outer.start);
}

/**
 * The table as published, built from the standard's columns (with their groups) and rows (with their parents), the
 * figures as the draft has them, and each finding placed on the cell it is about.
 */
export function tableLayout(table: Table, findings: readonly Finding[] = []): PublishedTable {
  const def = table.def;
  const header = headerLayout(def);
  const width = def.labelColumns + def.columns.length;
  const paths = table.rows.map((row) => labelPath(row));
  const body: GridCell[][] = table.rows.map((row, r) => {
    const cells: GridCell[] = [];
    if (def.labelColumns > 0) {
      const { path, own } = paths[r];
      path.forEach((text, level) => {
        const last = level === path.length - 1;
        if (!last && samePrefix(paths[r - 1]?.path.slice(0, -1), path, level)) return;
        let rowSpan = 1;
        while (!last && samePrefix(paths[r + rowSpan]?.path.slice(0, -1), path, level)) rowSpan++;
        const label = cell('label', text, rowSpan, last ? Math.max(1, def.labelColumns - level) : 1);
        if (last && own) label.span = own.span;
        cells.push(label);
      });
    }
    def.columns.forEach((_, c) => {
      const value = row.values[c];
      const figure = cell('figure', value && !value.missing ? value.text : '');
      if (value && !value.missing) figure.span = value.span;
      cells.push(figure);
    });
    return cells;
  });
  const layout: PublishedTable = { def, header, body, notes: [], width };
  if (def.item) layout.caption = table.item?.text || def.item;
  placeFindings(layout, table, findings);
  return layout;
}

/** Each finding inside the table on the one cell that holds it, else among the table's notes. */
function placeFindings(layout: PublishedTable, table: Table, findings: readonly Finding[]): void {
  const cells = layout.body.flat().filter((c) => c.span);
  const extent = table.item ? { start: Math.min(table.item.span.start, table.span.start), end: table.span.end } : table.span;
  for (const finding of findings) {
    if (!within(finding.span, extent)) continue;
    const target = cells.find((c) => within(finding.span, c.span!));
    if (target) target.findings.push(finding);
    else layout.notes.push(finding);
  }
}
