import { EDITIONS, SECTIONS } from './editions';
import type { ColumnDef, EditionDef, EditionId, RowDef, SectionDef, SectionId, TableDef } from './schema';
import { editDistance, fold, labelKey, numberingOf, typoAllowance } from './text';

export { EDITIONS, SECTIONS };
import { ARITHMETIC_RULE_IDS } from './schema';

/** The ids of the arithmetic rules, for filtering findings by id. */
export const ARITHMETIC_RULES: readonly string[] = ARITHMETIC_RULE_IDS;
export type { ColumnDef, EditionDef, EditionId, RelationDef, RowDef, SectionDef, SectionId, TableDef } from './schema';
export { fold, labelKey, numberingOf, simplify } from './text';

/** The editions' ids, oldest first. */
export const EDITION_IDS: readonly EditionId[] = EDITIONS.map((e) => e.id);
export const NEWEST_EDITION: EditionId = EDITION_IDS[EDITION_IDS.length - 1];
/** The edition of a report older than every national format: it owes no tables. */
export const BEFORE_EDITIONS = `pre${EDITION_IDS[0]}`;
/** The edition of a report with no year whose tables do not tell. */
export const UNKNOWN_EDITION = 'unknown';

/** The edition a report follows: an edition id, `BEFORE_EDITIONS` or `UNKNOWN_EDITION`. */
export type ReportEdition = string;

export function isEdition(edition: ReportEdition): edition is EditionId {
  return EDITION_IDS.includes(edition);
}

/** Whether a report follows one of the national table formats (checks of sections and tables apply). */
export function followsFormat(edition: ReportEdition): boolean {
  return edition !== BEFORE_EDITIONS;
}

export function editionForYear(year: number): ReportEdition {
  if (year < EDITIONS[0].firstYear) return BEFORE_EDITIONS;
  return [...EDITIONS].reverse().find((e) => year >= e.firstYear)!.id;
}

/** The report years an edition is for: `{ from: 2019, to: 2020 }`; `to` absent for the newest. */
export function editionYears(id: EditionId): { from: number; to?: number } {
  const i = EDITION_IDS.indexOf(id);
  const next = EDITIONS[i + 1];
  return { from: EDITIONS[i].firstYear, to: next && next.firstYear - 1 };
}

export function getEdition(id: EditionId): EditionDef {
  return EDITIONS.find((e) => e.id === id)!;
}

/** The editions other than `id`, newest first. */
export function otherEditions(id: EditionId): EditionId[] {
  return [...EDITION_IDS].reverse().filter((e) => e !== id);
}

/** The order tables are tried in: the edition given, then the others; every edition newest first without one. */
export function editionsToTry(first?: EditionId): EditionId[] {
  return first ? [first, ...otherEditions(first)] : [...EDITION_IDS].reverse();
}

/** The sections that carry standard tables, in the standard's order. */
export const TABLE_SECTIONS: readonly SectionId[] = SECTIONS.map((s) => s.id).filter((id) =>
  EDITIONS.some((e) => e.tables.some((t) => t.section === id)),
);

const itemSections = new Set(EDITIONS.flatMap((e) => e.tables.flatMap((t) => (t.item ? [t.section] : []))));

/** Whether a section holds one table per item of Article 20 (Section 二). */
export function hasItemTables(section: string): boolean {
  return itemSections.has(section as SectionId);
}

const cornerMarks = [...new Set(EDITIONS.flatMap((e) => e.tables.flatMap((t) => (t.cornerMark ? [t.cornerMark] : []))))];

/** Text that can only be a table's corner cell (`信息内容`, a 勾稽关系 note), however worded. */
export function hasCornerMark(text: string): boolean {
  return cornerMarks.some((mark) => text.includes(mark));
}

/** Whether a cell is the corner of a table of `section` (the row that opens a new table in Section 二). */
export function isCornerOf(section: string, text: string): boolean {
  const key = labelKey(text);
  return key !== '' && EDITIONS.some((e) => e.tables.some((t) => t.section === section && labelKey(t.corner) === key));
}

export function fullRowLabel(row: RowDef): string {
  return row.number + row.label;
}

/** How a wording relates to the standard label it was matched to. */
export type Wording = 'standard' | 'variant' | 'typo';

export interface LabelMatch<T> {
  def: T;
  wording: Wording;
}

interface Entry<T> {
  def: T;
  key: string;
  wording: Wording;
}

function entriesOf<T extends { label: string; variants: string[] }>(defs: T[]): Entry<T>[] {
  return defs.flatMap((def) => [
    { def, key: labelKey(def.label), wording: 'standard' as const },
    ...def.variants.map((v) => ({ def, key: labelKey(v), wording: 'variant' as const })),
  ]);
}

const MIN_CUT_LABEL = 6;
/**
 * Labels remembered per label set before the memo starts again: a table of 10,000 distinct column labels (tried
 * against several tables) must still hit it, while a long-running server's memory stays bounded.
 */
const MEMO_LIMIT = 50_000;
const matches = new WeakMap<Entry<unknown>[], Map<string, LabelMatch<unknown> | undefined>>();

/** Exact key first, then a known variant, then the nearest label within the typo allowance (memoized per key). */
function matchLabel<T>(entries: Entry<T>[], text: string): LabelMatch<T> | undefined {
  const key = labelKey(text);
  let memo = matches.get(entries) as Map<string, LabelMatch<T> | undefined> | undefined;
  if (!memo) matches.set(entries, (memo = new Map()));
  if (memo.has(key)) return memo.get(key);
  if (memo.size >= MEMO_LIMIT) memo.clear();
  const match = matchKey(entries, key);
  memo.set(key, match);
  return match;
}

function matchKey<T>(entries: Entry<T>[], key: string): LabelMatch<T> | undefined {
  if (!key) return undefined;
  const exact = entries.find((e) => e.key === key);
  if (exact) return { def: exact.def, wording: exact.wording };
  // A label a PDF cut at the end of a line: the start of exactly one standard label.
  if (key.length >= MIN_CUT_LABEL) {
    const cut = new Set(entries.filter((e) => e.wording === 'standard' && e.key.startsWith(key)).map((e) => e.def));
    if (cut.size === 1) return { def: [...cut][0], wording: 'standard' };
  }
  let best: { entry: Entry<T>; distance: number } | undefined;
  for (const entry of entries) {
    const limit = Math.min(typoAllowance(entry.key), typoAllowance(key));
    if (limit === 0) continue;
    const distance = editDistance(key, entry.key, limit);
    if (distance <= limit && (!best || distance < best.distance)) best = { entry, distance };
  }
  return best && { def: best.entry.def, wording: 'typo' };
}

const rowEntries = new Map<TableDef, Entry<RowDef>[]>();
const columnEntries = new Map<TableDef, Entry<ColumnDef>[]>();

export function matchRow(table: TableDef, text: string): LabelMatch<RowDef> | undefined {
  let entries = rowEntries.get(table);
  if (!entries) rowEntries.set(table, (entries = entriesOf(table.rows.filter((r) => r.label))));
  return matchLabel(entries, text);
}

export function matchColumn(table: TableDef, text: string): LabelMatch<ColumnDef> | undefined {
  let entries = columnEntries.get(table);
  if (!entries) columnEntries.set(table, (entries = entriesOf(table.columns)));
  return matchLabel(entries, text);
}

const groupKeys = new Map<TableDef, Set<string>>();

/** Group labels of a table (`三、本年度办理结果`, `（三）不予公开`, `法人或其他组织`, `行政诉讼`). */
export function isGroupLabel(table: TableDef, text: string): boolean {
  let groups = groupKeys.get(table);
  if (!groups) {
    groups = new Set(table.headerGroups.map(labelKey));
    for (const r of table.rows) for (const p of r.parents) groups.add(labelKey(p));
    for (const c of table.columns) for (const part of c.group?.split('·') ?? []) groups.add(labelKey(part));
    groupKeys.set(table, groups);
  }
  const key = labelKey(text);
  return key !== '' && groups.has(key);
}

const sectionEntries = entriesOf(SECTIONS.map((s) => ({ label: s.title, variants: s.variants, section: s })));

export interface SectionMatch {
  def: SectionDef;
  wording: Wording;
}

/**
 * The standard section a heading names. `strict` (plain lines of a pasted report): the title must be a standard
 * section's or a known variant, with the right numeral. Otherwise (a markdown heading): the numeral decides, and
 * the wording may differ.
 */
export function matchSection(text: string, strict: boolean): SectionMatch | undefined {
  const folded = fold(text).replace(/\s+/g, '');
  const numbering = numberingOf(folded);
  const numeral = numbering.replace(/[、.()]/g, '');
  const byTitle = matchLabel(sectionEntries, folded);
  if (byTitle && (!numeral || numeral === byTitle.def.section.numeral)) {
    if (strict && (byTitle.wording === 'typo' || !numeral)) return undefined;
    return { def: byTitle.def.section, wording: byTitle.wording };
  }
  if (strict || !/^[一二三四五六]、$/.test(numbering)) return undefined;
  const def = SECTIONS.find((s) => s.numeral === numeral)!;
  return { def, wording: 'typo' };
}

export function standardHeading(section: SectionDef): string {
  return `${section.numeral}、${section.title}`;
}

export function tablesOf(edition: EditionId, section?: string): TableDef[] {
  return getEdition(edition).tables.filter((t) => !section || t.section === section);
}

/** The table of an edition a Section 二 item name (`第二十条第(一)项`) announces. */
export function tableForItem(edition: EditionId, text: string): TableDef | undefined {
  const item = itemNumeral(text);
  return item ? tablesOf(edition, 'proactive').find((t) => t.item && itemNumeral(t.item) === item) : undefined;
}

export function itemNumeral(text: string): string | undefined {
  if (!text.includes('二十')) return undefined;
  return /第二十条第\(([一二三四五六七八九十]+)\)项/.exec(fold(text).replace(/\s+/g, ''))?.[1];
}
