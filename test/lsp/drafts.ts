import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Diagnostic, Range } from 'vscode-languageserver-protocol';
import type { TextDocument } from 'vscode-languageserver-textdocument';

export const examples = (name: string) => readFileSync(join(__dirname, '..', '..', 'examples', name), 'utf8');
export const seed = (prefix: string) => {
  const dir = join(__dirname, '..', 'fixtures', 'seeds');
  return readFileSync(join(dir, readdirSync(dir).find((f) => f.startsWith(prefix))!), 'utf8');
};

export const MISTAKES = examples('mistakes-2021.report.md');
export const CLEAN = examples('clean-2021.report.md');
/** The clean draft with 予以公开 · 自然人 mistyped 85 for 58: its row total and its column's （七）总计 both disagree. */
export const TYPO = CLEAN.replace('| （一）予以公开 |  | 58 |', '| （一）予以公开 |  | 85 |');

export function find(diagnostics: Diagnostic[], code: string): Diagnostic {
  const found = diagnostics.find((d) => d.code === code);
  if (!found) throw new Error(`no ${code} among ${diagnostics.map((d) => d.code).join(', ')}`);
  return found;
}

export function textAt(document: TextDocument, range: Range): string {
  return document.getText(range);
}

/** The position of the first occurrence of `needle` (plus `delta` characters) in the document. */
export function positionOf(document: TextDocument, needle: string, delta = 0) {
  const offset = document.getText().indexOf(needle);
  if (offset < 0) throw new Error(`${needle} not in the document`);
  return document.positionAt(offset + delta);
}
