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
  // B1–B6 are fixed (/work/notes/bugs.md); their fixtures in test/regression/fixtures/ keep them fixed.
];

export function knownIssue(truth: Truth, violation: Violation): string | undefined {
  return KNOWN_ISSUES.find((k) => k.matches(truth, violation))?.id;
}
