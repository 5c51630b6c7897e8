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
  // B1–B15 are fixed; their fixtures in test/regression/fixtures/ keep them fixed.
];

export function knownIssue(truth: Truth, violation: Violation): string | undefined {
  return KNOWN_ISSUES.find((k) => k.matches(truth, violation))?.id;
}

/** Regular expressions of the core known to backtrack superlinearly (open bugs), by file and a piece of their source. */
export const KNOWN_SLOW_REGEXES: { id: string; file: string; source: string }[] = [
  // B7, B10–B12 are fixed; the linear-time checks in test/property/cost.test.ts keep them so.
];

export function knownSlowRegex(where: string, regex: RegExp): string | undefined {
  return KNOWN_SLOW_REGEXES.find((k) => where.startsWith(`${k.file}:`) && regex.source.includes(k.source))?.id;
}
