import type { Message } from '../model';
import type { Reader, ReaderNote, SourceDocument, SourceKind } from './types';

import { looksScraped, readScrapedText } from './text';

export type * from './types';
export { locate } from './draft';

const KINDS: Record<string, SourceKind> = {
  '.md': 'markdown',
  '.markdown': 'markdown',
  '.txt': 'text',
  '.html': 'html',
  '.htm': 'html',
  '.shtml': 'html',
  '.docx': 'docx',
  '.pdf': 'pdf',
};

/** Office formats without a reader: the user saves them as .docx first. */
const SAVE_AS_DOCX = new Set(['.doc', '.wps', '.et', '.rtf']);

/**
 * The readers of structured files, each loaded the first time a file of its kind is read: the build makes each its own
 * bundle (dist/readers/<kind>.js), so the server and the CLI start without them.
 */
const READERS: Record<Exclude<SourceKind, 'markdown' | 'text'>, () => Promise<Reader>> = {
  html: () => import('./html').then((m) => m.readHtml),
  docx: () => import('./docx').then((m) => m.readDocx),
  pdf: () => import('./pdf').then((m) => m.readPdf),
};

function extensionOf(fileName: string): string {
  const dot = fileName.lastIndexOf('.');
  return dot > fileName.lastIndexOf('/') && dot > fileName.lastIndexOf('\\') ? fileName.slice(dot).toLowerCase() : '';
}

/** The kind of a file by its name, or undefined for a file that is not a report (nor an office file to save as .docx). */
export function sourceKindOf(fileName: string): SourceKind | 'office' | undefined {
  const extension = extensionOf(fileName);
  return KINDS[extension] ?? (SAVE_AS_DOCX.has(extension) ? 'office' : undefined);
}

/** Whether a file is read as text (by the caller's decoding) rather than by a reader. */
export function isTextKind(kind: SourceKind | 'office' | undefined): kind is 'markdown' | 'text' {
  return kind === 'markdown' || kind === 'text';
}

function unreadable(kind: SourceKind, message: Message): SourceDocument {
  return { kind, text: '', origins: [], notes: [{ kind: 'unreadable', message }] };
}

/**
 * A report file read by the reader of its kind. Markdown and text files are `text` as the caller decoded it, except
 * scraped page text (the whole report run together), which the scraped-text reader restructures. Never
 * throws: a file that cannot be read comes back without text and with an `unreadable` note saying why.
 */
export async function readSource(bytes: Uint8Array, fileName: string, text?: string): Promise<SourceDocument> {
  const extension = extensionOf(fileName);
  const kind = sourceKindOf(fileName);
  if (kind === 'office') {
    return unreadable('docx', {
      zh: `${extension} 文件无法直接读取：请在 Word 或 WPS 中另存为 .docx 后再检查`,
      en: `${extension} files cannot be read: save it as .docx in Word or WPS, then check that`,
    });
  }
  if (kind === undefined || isTextKind(kind)) {
    const source = text ?? new TextDecoder('utf-8').decode(bytes);
    if (kind !== 'markdown' && looksScraped(source)) return readScrapedText(source);
    return { kind: kind ?? 'text', text: source, origins: [], notes: [] };
  }
  const load = READERS[kind];
  try {
    return await (await load())(bytes, fileName);
  } catch (error) {
    return unreadable(kind, { zh: `无法读取：${(error as Error).message}`, en: `cannot be read: ${(error as Error).message}` });
  }
}

/** Why a read document has nothing to check (a scan without a text layer, a damaged file), or undefined. */
export function notCheckable(document: SourceDocument): ReaderNote | undefined {
  return document.notes.find((note) => note.kind === 'no-text-layer' || note.kind === 'unreadable');
}
