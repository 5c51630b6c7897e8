import type { Settings } from '../shared/settings';
import { type Finding, type Fix, check } from './check';
import type { Span, TextEdit } from './model';
import { lineEndingOf } from './parse/text';

/** Applies edits that do not overlap; insertions at one point keep their order. */
export function applyEdits(text: string, edits: TextEdit[]): string {
  const sorted = edits.map((e, i) => ({ e, i })).sort((a, b) => a.e.start - b.e.start || a.i - b.i);
  let out = '';
  let at = 0;
  for (const { e } of sorted) {
    out += text.slice(at, e.start) + e.newText;
    at = Math.max(at, e.end);
  }
  return out + text.slice(at);
}

const overlaps = (a: TextEdit, b: TextEdit) => a.start < b.end && b.start < a.end;
const same = (a: TextEdit, b: TextEdit) => a.start === b.start && a.end === b.end && a.newText === b.newText;
/** An insertion inside (not at the edge of) a replaced range is lost with it. The same edit twice is made once. */
const touches = (a: TextEdit, b: TextEdit) =>
  !same(a, b) &&
  (overlaps(a, b) ||
    (a.start === a.end && b.start < a.start && a.start < b.end) ||
    (b.start === b.end && a.start < b.start && b.start < a.end));

/** The fixes that can be applied together: each whole, none touching another, first come first served. */
export function compatibleFixes(fixes: Fix[]): Fix[] {
  const taken: TextEdit[] = [];
  const chosen: Fix[] = [];
  for (const fix of fixes) {
    if (fix.edits.some((e) => taken.some((t) => touches(e, t)))) continue;
    taken.push(...fix.edits);
    chosen.push(fix);
  }
  return chosen;
}

export interface FixOptions {
  /** Also apply fixes marked unsafe (that may drop figures). */
  unsafe?: boolean;
  /** Only fixes of these rules. */
  rules?: string[];
  maxPasses?: number;
}

export interface FixResult {
  text: string;
  /** The findings whose fix was applied, over all passes. */
  applied: Finding[];
  passes: number;
}

/** Whether `text` has a line break made of CRs and an LF at `at` (a lone CR written before it would fuse with it). */
function lfBreakAt(text: string, at: number): boolean {
  while (text.charCodeAt(at) === 13) at++;
  return text.charCodeAt(at) === 10;
}

/**
 * The edits with the line breaks of their new text written as the text's own (CR LF in a CR LF file). In a file of
 * mixed breaks, a break is never written where it would fuse with the one beside it into a single break (CR LF
 * right after a lone CR; a lone CR right before an LF).
 */
export function inLineEndingsOf(text: string, edits: TextEdit[]): TextEdit[] {
  const eol = lineEndingOf(text);
  const mixed = text.includes('\r');
  if (eol === '\n' && !mixed) return edits;
  return edits.map((e) => {
    let newText = e.newText.replace(/\r\n?|\n/g, eol);
    if (text.charCodeAt(e.start - 1) === 13) newText = newText.replace(/^\r+\n/, '\r');
    if (newText.endsWith('\r') && lfBreakAt(text, e.end)) newText = `${newText.slice(0, -1)}\n`;
    return { ...e, newText };
  });
}

/** Whether an edit changes a fenced code block, its fences included (an insertion at a line before it does not). */
const touchesCode = (fences: Span[], e: TextEdit) =>
  fences.some((f) => (e.start < f.end && f.start < e.end) || (f.start < e.start && e.start <= f.end));

/** Applies every (safe) preferred fix, checking again after each pass, until none is left or nothing changes. */
export function fixAll(text: string, settings: Partial<Settings> = {}, options: FixOptions = {}): FixResult {
  const applied: Finding[] = [];
  let passes = 0;
  for (; passes < (options.maxPasses ?? 8); passes++) {
    const { report, findings } = check(text, settings);
    const candidates = findings.filter(
      (f) =>
        f.fixes.length &&
        (options.unsafe || f.fixes[0].safe) &&
        (!options.rules || options.rules.includes(f.rule)) &&
        !f.fixes[0].edits.some((e) => touchesCode(report.fences, e)),
    );
    const chosen = new Set(compatibleFixes(candidates.map((f) => f.fixes[0])));
    if (chosen.size === 0) break;
    // Fixes of several findings may share an edit (two sums failing through one cell): it is made once.
    const seen = new Set<string>();
    const edits = [...chosen]
      .flatMap((f) => f.edits)
      .filter((e) => {
        const key = `${e.start}:${e.end}:${e.newText}`;
        return !seen.has(key) && !!seen.add(key);
      });
    const next = applyEdits(text, inLineEndingsOf(text, edits));
    applied.push(...candidates.filter((f) => chosen.has(f.fixes[0])));
    if (next === text) break;
    text = next;
  }
  return { text, applied, passes };
}
