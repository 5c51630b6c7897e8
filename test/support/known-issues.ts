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
    id: 'B1',
    summary: 'a blank （七）总计 or 四 applicant cell is read as 0 in its row’s row-total',
    matches: (truth, v) =>
      v.property.startsWith('arithmetic') && v.rule === 'row-total' && truth.blanks.some((b) => b.table === 'requests' && (b.row === 'total' || b.row === 'carriedForward')),
  },
  {
    id: 'B2',
    summary: 'PDF-copied tables with one value column or one row of figures are not read',
    matches: (truth, v) =>
      truth.layout === 'columns' &&
      ['arithmetic-found', 'injected-error-found', 'figures-read'].includes(v.property) &&
      (v.table === 'appeals' || (v.table ?? '').startsWith('proactive.')),
  },
  {
    id: 'B5',
    summary: 'check throws on a markdown heading inside a block quote or list item',
    matches: (_, v) => v.property.endsWith('never-throws') && v.detail.includes('headingAt'),
  },
  {
    id: 'B6',
    summary: 'a blank total whose own relation has a text term counts as 0 in another relation',
    matches: (truth, v) =>
      v.property.startsWith('arithmetic') &&
      truth.blanks.some((b) => truth.texts.some((t) => t.table === b.table && (t.row === b.row || t.column === b.column))),
  },
];

export function knownIssue(truth: Truth, violation: Violation): string | undefined {
  return KNOWN_ISSUES.find((k) => k.matches(truth, violation))?.id;
}
