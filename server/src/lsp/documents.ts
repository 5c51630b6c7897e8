import { TextDocument } from 'vscode-languageserver-textdocument';
import type { Range } from 'vscode-languageserver';
import { check, type CheckResult, looksLikeReport, parseReport, type Report, type Span } from '../core';
import type { Settings } from '../shared/settings';
import { LANGUAGE_ID } from '../shared/protocol';
import type { OtherReport } from './workspaceThread';

/** A report of the workspace an open report is checked with (the previous year's), parsed once. */
export interface OtherDocument {
  uri: string;
  report: Report;
  /** Its text, for the positions of what the findings point at there. */
  document: TextDocument;
  /** A draft (its text is the file), not a web page, Word file or PDF read into draft text. */
  draft: boolean;
}

/** One document as the analysis sees it, with its check result for the settings it was last asked with. */
export interface Analysis {
  document: TextDocument;
  settings: Settings;
  result: CheckResult;
  /** Whether the document is a report the editor features apply to (always for `govreport`; see `looksLikeReport`). */
  isReport: boolean;
  /** Time the check took, in ms. */
  checkMs: number;
  /** Stands for the text checked (see `contentKey`). */
  contentKey: string;
  /** The reports of the workspace it was checked with. */
  others: OtherDocument[];
}

/** The other reports each open document is checked with, as the main thread last found them, and their key. */
const othersByUri = new Map<string, { key: string; others: OtherDocument[] }>();

export function setOthers(uri: string, others: OtherReport[]): void {
  if (others.length === 0) return void othersByUri.delete(uri);
  othersByUri.set(uri, {
    key: others.map((o) => o.key).join('\0'),
    others: others.map(({ uri, name, text, draft }) => {
      const report = parseReport(text);
      report.source = name;
      return { uri, report, document: TextDocument.create(uri, 'govreport', 0, text), draft };
    }),
  });
}

/** Stands for the other reports a document is checked with (part of its analysis's key). */
export function othersKey(uri: string): string {
  return othersByUri.get(uri)?.key ?? '';
}

export function forgetOthers(uri: string): void {
  othersByUri.delete(uri);
}

export function isChecked(languageId: string, settings: Settings, result: CheckResult): boolean {
  if (languageId === LANGUAGE_ID) return true;
  // A .txt draft (plain text) is checked when it looks like a report, whatever `markdown` says.
  if (languageId === 'plaintext') return looksLikeReport(result);
  if (languageId !== 'markdown' || settings.markdown === 'never') return false;
  return settings.markdown === 'always' || looksLikeReport(result);
}

export function analyze(document: TextDocument, settings: Settings): Analysis {
  const started = performance.now();
  const others = othersByUri.get(document.uri)?.others ?? [];
  const result = check(document.getText(), settings, { others: others.map((o) => o.report) });
  const checkMs = performance.now() - started;
  return {
    document,
    settings,
    result,
    isReport: isChecked(document.languageId, settings, result),
    checkMs,
    contentKey: contentKey(document.getText()),
    others,
  };
}

/**
 * A short key of a text (its length and FNV-1a hash): diagnostics carry it, so that fixes computed for one text are
 * never applied to another that a client sent under the same version number.
 */
export function contentKey(text: string): string {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) hash = Math.imul(hash ^ text.charCodeAt(i), 0x01000193);
  return `${text.length}:${(hash >>> 0).toString(36)}`;
}

export function rangeOf(document: TextDocument, span: Span): Range {
  return { start: document.positionAt(span.start), end: document.positionAt(span.end) };
}

export function contains(span: Span, offset: number): boolean {
  return span.start <= offset && offset <= span.end;
}
