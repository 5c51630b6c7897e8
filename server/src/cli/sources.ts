import { type Origin, type ReaderNote, type SourceKind, isTextKind, notCheckable, readSource, sourceKindOf } from '../core';
import { say } from '../shared/i18n';
import type { Locale } from '../shared/settings';
import { CliError, type Draft, readBytes, readDraft } from './files';
import type { Messages } from './messages';

/** A report file as checked: a draft's own text, or the draft text a reader made of a web page, Word file or PDF. */
export interface ReportSource {
  kind: SourceKind;
  text: string;
  /** The way back to the source file; absent for drafts (their text is the file). */
  origins?: Origin[];
  notes: ReaderNote[];
  /** Drafts only: how the file was decoded. */
  draft?: Draft;
}

/** Whether a file is a text draft (which `fix` may rewrite), by its name. */
export function isDraftFile(file: string): boolean {
  const kind = sourceKindOf(file);
  return kind === undefined || isTextKind(kind);
}

/**
 * Reads a report file by its kind. Throws a CliError (the file is listed as not checked) for a file that has nothing
 * to check: an office format to save as .docx, a scan without a text layer, a damaged file.
 */
export async function readReportFile(file: string, locale: Locale, m: Messages): Promise<ReportSource> {
  if (isDraftFile(file)) {
    const draft = readDraft(file, m);
    const document = await readSource(new Uint8Array(0), file, draft.text);
    if (document.origins.length > 0) return { kind: document.kind, text: document.text, origins: document.origins, notes: document.notes };
    return { kind: document.kind, text: draft.text, notes: [], draft };
  }
  const document = await readSource(readBytes(file, m), file);
  const why = notCheckable(document);
  if (why) throw new CliError(m.notChecked(file, say(locale, why.message.zh, why.message.en)));
  return { kind: document.kind, text: document.text, origins: document.origins, notes: document.notes };
}
