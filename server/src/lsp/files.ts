import type { Diagnostic, Position } from 'vscode-languageserver';
import { TextDocument } from 'vscode-languageserver-textdocument';
import {
  check,
  importAsDraft,
  isTextKind,
  locate,
  notCheckable,
  type Origin,
  readSource,
  renderReportDocx,
  renderReportHtml,
  sourceKindOf,
} from '../core';
import { decode } from '../cli/encoding';
import { say } from '../shared/i18n';
import type { ExportFormat, ExportReportResult, ImportReportParams, ImportReportResult } from '../shared/protocol';
import type { Settings } from '../shared/settings';

/**
 * The server's own file work for the editor commands: importing any report file, exporting a report, placing the
 * findings of a file read by a reader; and the workspace thread (reading files as the CLI does, the previous-year
 * index). A bundle of its own (dist/files.js), loaded by the server on the first such request.
 */

/** The text of a draft's bytes, decoded as the CLI decodes drafts; undefined for a binary file. */
function decodeDraft(bytes: Uint8Array): string | undefined {
  const decoded = decode(bytes);
  return decoded.kind === 'text' ? decoded.text : undefined;
}

export { runWorkspaceThread } from './workspace';

/**
 * Diagnostics of a web page, Word file or PDF read into draft text, placed in the file: on the page's line and
 * column where the text came from one, else at the file's start (the message says which table or page).
 */
export function placeInSource(diagnostics: Diagnostic[], text: string, origins: Origin[]): Diagnostic[] {
  const document = TextDocument.create('', '', 0, text);
  const place = (position: Position): Position => {
    const at = origins.length ? locate(origins, document.offsetAt(position)) : undefined;
    return at?.line === undefined ? { line: 0, character: 0 } : { line: at.line - 1, character: (at.column ?? 1) - 1 };
  };
  return diagnostics.map((d) => {
    const start = place(d.range.start);
    const end = place(d.range.end);
    const ordered = end.line > start.line || (end.line === start.line && end.character >= start.character);
    // Fixes edit the draft text, not the file: none is offered here.
    const { data: _, ...rest } = d;
    return { ...rest, range: { start, end: ordered ? end : start } };
  });
}

/**
 * A report file of any kind as a canonical draft: the figures as found, the source named at the top. Refused where
 * the conversion would change what the arithmetic checks find (figures must come through unchanged).
 */
export async function importReport({ name, base64 }: ImportReportParams, settings: Settings): Promise<ImportReportResult> {
  const locale = settings.locale;
  const bytes = Buffer.from(base64, 'base64');
  const kind = sourceKindOf(name);
  const decoded = isTextKind(kind) || kind === undefined ? decodeDraft(bytes) : undefined;
  if ((isTextKind(kind) || kind === undefined) && decoded === undefined) {
    return {
      refused: say(locale, `${name} 是二进制文件，不是报告草稿`, `${name} is a binary file, not a report draft`),
      notes: [],
      tables: 0,
    };
  }
  const document = await readSource(bytes, name, decoded);
  const why = notCheckable(document);
  if (why) return { refused: say(locale, why.message.zh, why.message.en), notes: [], tables: 0 };
  const header = say(locale, `<!-- 导入自 ${name}（govreport） -->`, `<!-- imported from ${name} (govreport) -->`);
  const { text, changed } = importAsDraft(document.text, settings, header);
  if (changed.length) {
    return {
      refused: say(
        locale,
        `转换会改变勾稽检查的结果（${changed.join(', ')}），未导入`,
        `Converting would change what the arithmetic checks find (${changed.join(', ')}); not imported`,
      ),
      notes: [],
      tables: 0,
    };
  }
  const { report } = check(text, settings);
  return {
    text,
    notes: document.notes.map((note) => say(locale, note.message.zh, note.message.en)),
    tables: report.sections.reduce((n, s) => n + s.tables.length, 0),
  };
}

/** A report as the Word file or the web page to publish (exported whatever its findings; their count is returned). */
export async function exportReport(text: string, format: ExportFormat, settings: Settings): Promise<ExportReportResult> {
  const { report, findings } = check(text, settings);
  const bytes =
    format === 'docx' ? await renderReportDocx(report) : Buffer.from(renderReportHtml(report, { locale: settings.locale }), 'utf8');
  return {
    base64: Buffer.from(bytes).toString('base64'),
    tables: report.sections.reduce((n, s) => n + s.tables.length, 0),
    errors: findings.filter((f) => f.severity === 'error').length,
  };
}
