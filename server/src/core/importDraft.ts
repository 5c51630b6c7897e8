import { type Settings, readSettings } from '../shared/settings';
import { type Finding, check, parseOptions } from './check';
import { replaceLines, tableToMarkdown } from './convert';
import { applyEdits, fixAll } from './fix';
import { parseReport } from './parse/report';
import type { TextEdit } from './model';
import { ARITHMETIC_RULES } from './standard';

export interface ImportResult {
  /** The canonical draft. */
  text: string;
  /** Whether a title written as plain lines became a `#` heading. */
  title: boolean;
  /** Section headings written as plain lines that became `##` headings. */
  headings: number;
  /** Tables rewritten as canonical markdown tables. */
  tables: number;
}

/**
 * Turns a pasted or scraped report into a canonical draft: line breaks as `\n`, the title a level-1 heading, the
 * section headings level-2 headings (worded as found), each with a blank line around it, every recognised table a canonical markdown table with its
 * values kept as found (the `table-not-markdown` fix).
 */
export function importDraft(input: string, options: Partial<Settings> = {}): ImportResult {
  const { settings } = readSettings(options);
  const text = input.replace(/\r\n?/g, '\n');
  const report = parseReport(text, parseOptions(settings));
  const edits: TextEdit[] = [];
  const title = report.title && report.title.level === 0 ? report.title : undefined;
  if (title) edits.push(replaceLines(report, title.span, `# ${title.text}`));
  const plainHeadings = report.sections.filter((s) => s.heading.level === 0).map((s) => s.heading);
  for (const heading of plainHeadings) {
    edits.push(replaceLines(report, heading.span, `## ${heading.text}`));
  }
  const withHeadings = applyEdits(text, edits);
  const converted = fixAll(
    withHeadings,
    { ...settings, rules: { ...settings.rules, 'table-not-markdown': 'warning' } },
    { rules: ['table-not-markdown'] },
  );
  return { text: converted.text, title: !!title, headings: plainHeadings.length, tables: converted.applied.length };
}

/**
 * Every table of a draft that a reader made of a web page, Word file or PDF (merged cells spread over a grid, item
 * tables of Section 二 in one block) in the canonical layout, with its values as found.
 */
export function canonicalTables(input: string, options: Partial<Settings> = {}): string {
  const report = parseReport(input, parseOptions(readSettings(options).settings));
  const edits = report.sections.flatMap((s) => s.tables).map((table) => replaceLines(report, table.span, tableToMarkdown(table)));
  // Adjacent tables each keep a blank line on both sides: one between them is enough.
  return applyEdits(input, edits).replace(/\n{3,}/g, '\n\n');
}

function arithmeticKey(f: Finding): string {
  return JSON.stringify([f.rule, f.expected, f.actual, f.terms]);
}

/**
 * Arithmetic findings that differ between two versions of a draft (rule, expected, actual and terms compared;
 * positions may move): empty where a conversion kept every figure that the arithmetic reads.
 */
export function arithmeticChanges(before: string, after: string, settings: Partial<Settings> = {}): { lost: Finding[]; gained: Finding[] } {
  const pick = (text: string) => check(text, settings).findings.filter((f) => ARITHMETIC_RULES.includes(f.rule));
  const a = pick(before);
  const b = pick(after);
  const count = (list: Finding[]) => {
    const counts = new Map<string, number>();
    for (const f of list) counts.set(arithmeticKey(f), (counts.get(arithmeticKey(f)) ?? 0) + 1);
    return counts;
  };
  const unmatched = (list: Finding[], other: Map<string, number>) =>
    list.filter((f) => {
      const left = other.get(arithmeticKey(f)) ?? 0;
      other.set(arithmeticKey(f), left - 1);
      return left <= 0;
    });
  return { lost: unmatched(a, count(b)), gained: unmatched(b, count(a)) };
}

export interface ImportedReport extends ImportResult {
  /**
   * The arithmetic rules whose findings the conversion would change (empty where the figures come through as they
   * were): a conversion that changes any is not to be used.
   */
  changed: string[];
}

/**
 * What `govreport import` and the editor's "Import report…" make of a report's text: the canonical draft, and whether
 * the conversion keeps what the arithmetic checks find. With `header` (a line naming the source file), the header is
 * put at the top and the tables are rewritten as canonical markdown tables (a web page, Word file or PDF read).
 */
export function importAsDraft(source: string, settings: Partial<Settings>, header?: string): ImportedReport {
  const result = importDraft(source, settings);
  const text = header === undefined ? result.text : `${header}\n\n${canonicalTables(result.text, settings)}`;
  const { lost, gained } = arithmeticChanges(source, text, settings);
  return { ...result, text, changed: [...new Set([...lost, ...gained].map((f) => f.rule))] };
}
