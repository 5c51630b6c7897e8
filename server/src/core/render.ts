import { type ColumnDef, type EditionId, type RowDef, type TableDef, SECTIONS, fullRowLabel, standardHeading, tablesOf } from './standard';

/** The text of one value cell of a canonical table. */
export type CellText = (row: RowDef, column: ColumnDef, rowIndex: number, columnIndex: number) => string;

export const zeroCells: CellText = () => '0';

export function escapeCell(text: string): string {
  return text.replace(/\r?\n/g, ' ').replace(/\|/g, '\\|').trim();
}

function line(cells: string[]): string {
  return `| ${cells.map((c) => c || ' ').join(' | ')} |`.replace(/ {3}\|/g, '  |');
}

function delimiter(def: TableDef): string {
  const label = Array.from({ length: Math.max(def.labelColumns, 0) }, () => '---');
  return `|${[...label, ...def.columns.map(() => '---:')].map((d) => ` ${d} `).join('|')}|`;
}

/** The header rows: one row of labels, or (Section 四) the official three rows of groups and outcomes. */
function headerRows(def: TableDef): string[][] {
  const corner = def.labelColumns > 0 ? [def.corner, ...Array(def.labelColumns - 1).fill('')] : [];
  const paths = def.columns.map((c) => [...(c.group?.split(' · ') ?? []), c.label]);
  const depth = Math.max(...paths.map((p) => p.length));
  if (!def.stackedHeader || depth === 1) return [[...corner, ...def.columns.map((c) => c.label)]];
  const rows: string[][] = Array.from({ length: depth }, () => [...corner]);
  paths.forEach((path, i) => {
    const previous = paths[i - 1];
    for (let level = 0; level < depth; level++) {
      const leaf = path.length - 1;
      const sharedGroup = level < leaf && previous?.slice(0, level + 1).join() === path.slice(0, level + 1).join();
      rows[level].push(level > leaf || sharedGroup ? '' : path[level]);
    }
  });
  return rows;
}

/** One body row to render: a standard row (its label placed by the standard) or an unknown row's own labels. */
export interface RowToRender {
  def?: RowDef;
  /** The row's own label as written (kept when converting a pasted table); the standard label by default. */
  label?: string;
  /** Label cells of a row that matches no standard row. */
  labels?: string[];
  values: string[];
}

/** The label cells of a row: its groups' labels on the first row of each group, its own label last. */
function labelCells(def: TableDef, row: RowToRender, previous: RowToRender | undefined): string[] {
  if (def.labelColumns === 0) return [];
  const cells = row.def
    ? [...row.def.parents.map((p, level) => (previous?.def?.parents[level] === p ? '' : p)), row.label ?? fullRowLabel(row.def)]
    : [...(row.labels ?? [])];
  while (cells.length < def.labelColumns) cells.push('');
  return [
    ...cells.slice(0, def.labelColumns - 1),
    cells
      .slice(def.labelColumns - 1)
      .filter(Boolean)
      .join(' '),
  ];
}

/** A canonical GFM pipe table of `def`'s header over the given rows. */
export function renderRows(def: TableDef, rows: RowToRender[]): string {
  const [head, ...moreHeads] = headerRows(def);
  const lines = [line(head), delimiter(def), ...moreHeads.map(line)];
  rows.forEach((row, i) => lines.push(line([...labelCells(def, row, rows[i - 1]), ...row.values.map(escapeCell)])));
  return lines.join('\n');
}

/** A canonical GFM pipe table for a standard table, values from `cell`. */
export function renderTable(def: TableDef, cell: CellText = zeroCells): string {
  return renderRows(
    def,
    def.rows.map((row, r) => ({ def: row, values: def.columns.map((c, i) => cell(row, c, r, i)) })),
  );
}

/** A standard table with the item name Section 二 writes above it. */
export function renderStandardTable(def: TableDef, cell: CellText = zeroCells): string {
  return def.item ? `${def.item}\n\n${renderTable(def, cell)}` : renderTable(def, cell);
}

/** All standard tables of a section, as inserted by `table-missing` and `section-missing`. */
export function renderSectionTables(edition: EditionId, section: string, cell: CellText = zeroCells): string {
  return tablesOf(edition, section)
    .map((t) => renderStandardTable(t, cell))
    .join('\n\n');
}

/** The canonical line of one standard row, filled with 0 (`row-missing`). */
export function renderRow(def: TableDef, row: RowDef): string {
  return line([...labelCells(def, { def: row, values: [] }, undefined), ...def.columns.map(() => '0')]);
}

/** A whole report skeleton in the edition of `year`. */
export function renderReport(edition: EditionId, year: number, agency = '某某县人民政府', cell: CellText = zeroCells): string {
  const parts = [
    `# ${agency}${year}年政府信息公开工作年度报告`,
    `本报告根据《中华人民共和国政府信息公开条例》编制，所列数据的统计期限为${year}年1月1日至${year}年12月31日。`,
  ];
  for (const section of SECTIONS) {
    parts.push(`## ${standardHeading(section)}`);
    const tables = renderSectionTables(edition, section.id, cell);
    if (tables) parts.push(tables);
    else if (section.id === 'other') parts.push('本年度未收取信息处理费。');
    else parts.push('（正文）');
  }
  parts.push(`${agency}办公室\n${year + 1}年1月20日`);
  return `${parts.join('\n\n')}\n`;
}
