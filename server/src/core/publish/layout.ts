import type { Finding } from '../check';
import type { Row, Span, Table } from '../model';
import { type TableDef, fullRowLabel, labelKey } from '../standard';

/** What a cell of the published table holds: the corner note, a group or column heading, a row label, a figure. */
export type GridCellKind = 'corner' | 'group' | 'column' | 'label' | 'figure';

export interface GridCell {
  kind: GridCellKind;
  text: string;
  rowSpan: number;
  colSpan: number;
  /** The findings on this very cell (a wrong total, a blank, a misspelt label). */
  findings: Finding[];
  /** Where the cell's text is in the draft (figures, row labels, column labels the draft writes). */
  span?: Span;
  /** A column label's value column (0-based, after the label columns). */
  column?: number;
}

export interface PublishedTable {
  def: TableDef;
  /** The item name a Section 二 table is published under (`第二十条第（一）项`), as the draft writes it. */
  caption?: string;
  header: GridCell[][];
  body: GridCell[][];
  /** The findings inside the table that belong to no single cell (a missing row, a table written cell per line). */
  notes: Finding[];
  /** Columns in all: label columns, value columns, and any figures a row has past them. */
  width: number;
}

/** A label a word processor wrapped over lines (`自\n然\n人`), on one line again. */
const oneLine = (text: string) =>
  text
    .split('\n')
    .map((line) => line.trim())
    .join('');

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
      rows[level].push(leaf ? { ...cell('column', text, depth - level), column: i } : cell('group', text, 1, colSpan));
    });
  });
  return rows;
}

interface LabelPath {
  /** What decides merging: the standard's group labels, then the row itself. */
  keys: string[];
  /** The labels as the draft writes them where it does (on the group's first row), else the standard's. */
  cells: { text: string; span?: Span }[];
}

/** The label path of a body row, outermost first: its groups, then its own label. */
function labelPath(row: Row, index: number): LabelPath {
  if (!row.def) {
    const written = row.labels.filter((l) => l.text);
    return { keys: [`\u0000${index}`], cells: [{ text: written.map((l) => l.text).join(' '), span: written[0]?.span }] };
  }
  const before = row.label ? row.labels.slice(0, row.labels.indexOf(row.label)) : [];
  const parents = row.def.parents.map((parent) => {
    const written = before.find((l) => labelKey(l.text) === labelKey(parent));
    return written ? { text: written.text, span: written.span } : { text: parent };
  });
  const own = row.label?.text ? { text: row.label.text, span: row.label.span } : { text: fullRowLabel(row.def) };
  return { keys: [...row.def.parents, row.def.id], cells: [...parents, own] };
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
  // Column labels as the draft words them (a variant or a misspelling is the draft's to correct, and is marked).
  for (const label of header.flat()) {
    const written = table.headerLabels.find((h) => h.column === def.columns[label.column ?? -1]);
    if (written?.cell.text) Object.assign(label, { text: oneLine(written.cell.text), span: written.cell.span });
  }
  const width = def.labelColumns + def.columns.length + Math.max(0, ...table.rows.map((r) => r.extra.length));
  const paths = table.rows.map(labelPath);
  const groupsOf = (r: number) => paths[r]?.keys.slice(0, -1);
  const body: GridCell[][] = table.rows.map((row, r) => {
    const cells: GridCell[] = [];
    if (def.labelColumns > 0) {
      const { keys } = paths[r];
      paths[r].cells.forEach(({ text, span }, level) => {
        const last = level === keys.length - 1;
        if (!last && samePrefix(groupsOf(r - 1), keys, level)) return;
        let rowSpan = 1;
        while (!last && samePrefix(groupsOf(r + rowSpan), keys, level)) rowSpan++;
        const label = cell('label', oneLine(text), rowSpan, last ? Math.max(1, def.labelColumns - level) : 1);
        if (span) label.span = span;
        cells.push(label);
      });
    }
    def.columns.forEach((_, c) => {
      const value = row.values[c];
      const figure = cell('figure', value && !value.missing ? value.text : '');
      if (value && !value.missing) figure.span = value.span;
      cells.push(figure);
    });
    // Figures past the table's columns (table-shape): shown where the draft has them, never dropped.
    for (const extra of row.extra) cells.push({ ...cell('figure', extra.text), span: extra.span });
    return cells;
  });
  const layout: PublishedTable = { def, header, body, notes: [], width };
  if (def.item) layout.caption = table.item?.text || def.item;
  placeFindings(layout, table, findings);
  return layout;
}

/** Each finding inside the table on the one cell that holds it, else among the table's notes. */
function placeFindings(layout: PublishedTable, table: Table, findings: readonly Finding[]): void {
  const cells = [...layout.header.flat(), ...layout.body.flat()].filter((c) => c.span);
  const extent = table.item ? { start: Math.min(table.item.span.start, table.span.start), end: table.span.end } : table.span;
  for (const finding of findings) {
    if (!within(finding.span, extent)) continue;
    const target = cells.find((c) => within(finding.span, c.span!));
    if (target) target.findings.push(finding);
    else layout.notes.push(finding);
  }
}
