/**
 * Core bugs already reported (/work/notes/bugs.md) that the fuzzer still meets. A violation matching one is counted
 * under the bug's id instead of as a new failure. Delete an entry once its bug is fixed.
 */
import type { Truth } from './generator';
import type { Violation } from './invariants';

interface KnownIssue {
  id: string;
  summary: string;
  matches(truth: Truth, violation: Violation): boolean;
}

export const KNOWN_ISSUES: KnownIssue[] = [
  {
    id: 'B9',
    summary: 'a PDF-copied Section 二 row whose other figure is text is not read',
    matches: (truth, v) =>
      truth.layout === 'columns' &&
      (v.table ?? '').startsWith('proactive.') &&
      truth.texts.some((t) => t.table === v.table) &&
      ['injected-error-found', 'figures-read'].includes(v.property),
  },
];

export function knownIssue(truth: Truth, violation: Violation): string | undefined {
  return KNOWN_ISSUES.find((k) => k.matches(truth, violation))?.id;
}

/** Regular expressions of the core known to backtrack superlinearly (open bugs), by file and a piece of their source. */
export const KNOWN_SLOW_REGEXES: { id: string; file: string; source: string }[] = [
  { id: 'B10', file: 'parse/report.ts', source: 'govreport-' },
  { id: 'B11', file: 'parse/values.ts', source: '\\[[^\\]]*\\]' },
  { id: 'B12', file: 'convert.ts', source: '[ \\t\\u3000]*\\r?\\n' },
];

export function knownSlowRegex(where: string, regex: RegExp): string | undefined {
  return KNOWN_SLOW_REGEXES.find((k) => where.startsWith(`${k.file}:`) && regex.source.includes(k.source))?.id;
}
