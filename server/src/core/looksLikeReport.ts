import type { Report } from './model';
import { fold } from './standard';

const REPORT_TITLE = /政府信息公开/;

/**
 * Whether a text reads as an annual report: a report title, or at least three standard section headings. The editor
 * checks markdown files that pass it; `govreport fix` on a folder edits only the files that pass it.
 */
export function looksLikeReport({ report }: { report: Report }): boolean {
  if (report.title && REPORT_TITLE.test(fold(report.title.text)) && /报告/.test(fold(report.title.text))) return true;
  const named = new Set(report.sections.filter((s) => s.wording !== 'typo').map((s) => s.def.id));
  return named.size >= 3;
}
