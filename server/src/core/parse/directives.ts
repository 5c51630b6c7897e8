import type { Directive } from '../model';
import { lineAt } from './text';

/**
 * The comments that silence rules, defined once for the reader (the parser) and the writer (the editor's "disable"
 * actions): `<!-- govreport-disable rule … -->` up to `<!-- govreport-enable rule … -->`, and
 * `<!-- govreport-disable-next-line rule … -->`. Without rule ids they name every rule.
 */
const PREFIX = 'govreport-';

// The comment body is bounded, so an unclosed `<!--` costs a few hundred characters, not the rest of the text.
const DIRECTIVE = new RegExp(`<!--\\s*${PREFIX}(disable-next-line|disable|enable)\\b([^>]{0,300}?)-->`, 'g');

/** The comment of a directive, as the reader reads it back. */
export function directiveComment(kind: Directive['kind'], rules: readonly string[]): string {
  return `<!-- ${PREFIX}${kind}${rules.map((r) => ` ${r}`).join('')} -->`;
}

/** Every directive of a text, with the line it stands on. */
export function findDirectives(text: string, lineStarts: number[]): Directive[] {
  const out: Directive[] = [];
  if (!text.includes(PREFIX)) return out;
  for (const m of text.matchAll(DIRECTIVE)) {
    const rules = m[2].split(/[\s,]+/).filter(Boolean);
    out.push({ kind: m[1] as Directive['kind'], rules, line: lineAt(lineStarts, m.index) });
  }
  return out;
}
