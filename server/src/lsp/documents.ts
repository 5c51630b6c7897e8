import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { Range } from 'vscode-languageserver';
import { check, type CheckResult, looksLikeReport, type Span } from '../core';
import type { Settings } from '../shared/settings';
import { LANGUAGE_ID } from '../shared/protocol';

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
  const result = check(document.getText(), settings);
  const checkMs = performance.now() - started;
  return {
    document,
    settings,
    result,
    isReport: isChecked(document.languageId, settings, result),
    checkMs,
    contentKey: contentKey(document.getText()),
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
