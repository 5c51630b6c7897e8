import {
  type EditionId,
  renderReport,
  renderStandardTable,
  type SectionId,
  SECTIONS,
  standardHeading,
  type TableDef,
  tablesOf,
} from '../core';

/**
 * Snippets (VS Code / LSP snippet syntax) of the standard tables and of a whole report, made from the core's
 * rendering with a tab stop on every value cell. Text is escaped; tab stops are put in through markers that the
 * rendering leaves alone.
 */

const CELL = (n: number) => `\u0001${n}\u0002`;
const CELL_MARKER = /\u0001(\d+)\u0002/g;
const AGENCY = '\u0003';
/** Years no report has, standing for the report year and the year after it (the signing date). */
const YEAR_MARKER = 4321;

export function escapeSnippet(text: string): string {
  return text.replace(/[\\$}]/g, (c) => `\\${c}`);
}

function withTabStops(rendered: string, firstCell: number): string {
  return escapeSnippet(rendered).replace(CELL_MARKER, (_, n) => `\${${Number(n) + firstCell}:0}`);
}

/** A standard table with a tab stop on each value cell, row by row. */
export function tableSnippet(def: TableDef, firstTabStop = 1): string {
  let n = 0;
  return withTabStops(
    renderStandardTable(def, () => CELL(n++)),
    firstTabStop,
  );
}

/**
 * A whole report: the agency (mirrored in title and closing) is tab stop 1, the year 2, the signing year 3, then,
 * with `cells`, each value cell. With a `year`, the years are written in and only the agency is a tab stop.
 */
export function reportSnippet(edition: EditionId, options: { year?: number; cells: boolean }): string {
  let n = 0;
  const year = options.year ?? YEAR_MARKER;
  const text = renderReport(edition, year, AGENCY, options.cells ? () => CELL(n++) : undefined);
  let snippet = withTabStops(text, 4).replaceAll(AGENCY, '${1:某某县人民政府}');
  if (options.year === undefined) {
    snippet = snippet
      .replaceAll(`${YEAR_MARKER}年`, `\${2:${defaultYear()}}年`)
      .replaceAll(`${YEAR_MARKER + 1}年`, `\${3:${defaultYear() + 1}}年`);
  }
  return snippet;
}

function defaultYear(): number {
  return new Date().getFullYear() - 1;
}

/** What a standard table is called in pickers and outlines: its item for Section 二, its section's heading otherwise. */
export function tableLabel(def: TableDef): string {
  if (def.item) return def.item;
  const section = SECTIONS.find((s) => s.id === def.section)!;
  return `${standardHeading(section)}表`;
}

export interface StandardTable {
  def: TableDef;
  edition: EditionId;
}

export function standardTables(edition: EditionId, section?: SectionId): StandardTable[] {
  return tablesOf(edition, section).map((def) => ({ def, edition }));
}
