import * as path from 'node:path';
import { check, renderReportDocx, renderReportHtml } from '../core';
import type { CliSettings } from './args';
import { checkOutput, namedFile, noteDraft, writeAtomically } from './files';
import type { Io } from './io';
import { messagesFor } from './messages';
import { readReportFile } from './sources';

export const EXPORT_FORMATS = ['docx', 'html'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

/** The format an output name asks for (`.html`/`.htm`), else Word. */
export function exportFormatOf(output: string | undefined): ExportFormat {
  return output !== undefined && /\.html?$/i.test(output) ? 'html' : 'docx';
}

/** Beside the input, its name without its extension (`报告.report.md` → `报告.docx`, `报告.html` → `报告.docx`). */
function defaultOutput(input: string, format: ExportFormat): string {
  const base = path.basename(input).replace(/(?:\.report)?\.[^.]+$/i, '');
  return path.join(path.dirname(input), `${base}.${format}`);
}

export interface ExportRequest {
  input: string;
  output?: string;
  format?: ExportFormat;
  force: boolean;
}

/**
 * `govreport export`: a report (a draft, or any file the checker reads) as the Word file or the web page to publish (title, headings, body text, the standard
 * tables with their merged header cells). Never writes over its input, and over an existing OUT only with --force.
 */
export async function runExport(request: ExportRequest, settings: CliSettings, io: Io): Promise<number> {
  const m = messagesFor(settings.locale);
  const input = namedFile(request.input, m);
  const format = request.format ?? exportFormatOf(request.output);
  const output = request.output ?? defaultOutput(input, format);
  checkOutput(input, output, request.force, 'export', m);
  const source = await readReportFile(input, settings.locale, m);
  noteDraft(input, source.draft, io, m);
  const { report, findings } = check(source.text, settings);
  const bytes =
    format === 'docx' ? await renderReportDocx(report) : Buffer.from(renderReportHtml(report, { locale: settings.locale }), 'utf8');
  writeAtomically(output, bytes, m);
  const tables = report.sections.reduce((n, s) => n + s.tables.length, 0);
  io.err(`${m.exported(input, output, tables)}\n`);
  const errors = findings.filter((f) => f.severity === 'error').length;
  if (errors) io.err(`${m.exportedWithErrors(errors)}\n`);
  return 0;
}
