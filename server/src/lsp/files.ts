import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { check, importAsDraft, isTextKind, notCheckable, readSource, renderReportDocx, renderReportHtml, sourceKindOf } from '../core';
import { decode } from '../cli/encoding';
import { say } from '../shared/i18n';
import type { ExportFormat, ExportReportResult, ImportReportParams, ImportReportResult } from '../shared/protocol';
import type { Settings } from '../shared/settings';

/**
 * The server's own file work for the editor commands: reading a draft from disk as the CLI does (GBK, UTF-16),
 * importing any report file, exporting a report. A bundle of its own (dist/files.js), loaded by the server on the
 * first such request.
 */

/** The text of a draft's bytes, decoded as the CLI decodes drafts; undefined for a binary file. */
function decodeDraft(bytes: Uint8Array): string | undefined {
  const decoded = decode(bytes);
  return decoded.kind === 'text' ? decoded.text : undefined;
}

/** The text of a draft file on disk (a `file:` URI), or undefined where it is binary. */
export async function readDraftFile(uri: string): Promise<string | undefined> {
  return decodeDraft(await readFile(fileURLToPath(uri)));
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
