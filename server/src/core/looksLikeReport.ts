import type { Report } from './model';
import { fold } from './standard';

const REPORT_TITLE = /政府信息公开/;

/**
 * Whether a text reads as an annual report: a report title (naming 政府信息公开, a year and 报告), or at least three
 * standard section headings. The editor checks markdown files that pass it; `govreport check` and `fix` on a folder
 * check and edit only the files that pass it (a README about reports names no year in its title).
 */
export function looksLikeReport({ report }: { report: Report }): boolean {
  const title = report.title && fold(report.title.text);
  if (title && report.title!.year !== undefined && REPORT_TITLE.test(title) && /报告/.test(title)) return true;
  const named = new Set(report.sections.filter((s) => s.wording !== 'typo').map((s) => s.def.id));
  return named.size >= 3;
}
