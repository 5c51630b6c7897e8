import type { Span } from '../model';

const CR = 13;
const LF = 10;

/**
 * Offsets of the first character of each line. A line ends at LF, at CR LF, at a run of CRs before LF (`\r\r\n`, what
 * a CR LF written through a text-mode stream becomes) or at a lone CR (old Mac files): every kind reads the same.
 */
export function lineStartsOf(text: string): number[] {
  const starts = [0];
  if (!text.includes('\r')) {
    for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) starts.push(i + 1);
    return starts;
  }
  for (const m of text.matchAll(BREAK)) {
    const end = m.index + m[0].length;
    if (text.charCodeAt(end - 1) === LF) starts.push(end);
    else for (let i = m.index + 1; i <= end; i++) starts.push(i);
  }
  return starts;
}

/** A line break: LF, or a run of CRs with the LF after it (one break), or without one (a break per CR). */
const BREAK = /\r+\n?|\n/g;

/** The span of line `n` (0-based), without its line break. */
export function lineSpan(text: string, lineStarts: number[], n: number): Span {
  const start = lineStarts[n];
  if (n + 1 >= lineStarts.length) return { start, end: text.length };
  let end = lineStarts[n + 1] - 1;
  if (text.charCodeAt(end) === LF) while (end > start && text.charCodeAt(end - 1) === CR) end--;
  return { start, end };
}

/** The text of line `n` (0-based), without its line break. */
export function lineText(text: string, lineStarts: number[], n: number): string {
  const span = lineSpan(text, lineStarts, n);
  return text.slice(span.start, span.end);
}

/**
 * The text with every line break a `\n`: what to give markdown-it, which reads `\r\r\n` as two breaks, so that the
 * line numbers of its tokens are ours.
 */
export function withLfBreaks(text: string, lineStarts: number[]): string {
  if (!text.includes('\r')) return text;
  return lineStarts.map((_, n) => lineText(text, lineStarts, n)).join('\n');
}

/** The line break most lines of `text` end with, as written (`\n` where none does). */
export function lineEndingOf(text: string): string {
  const lineStarts = lineStartsOf(text);
  const counts = new Map<string, number>();
  let best = '\n';
  let most = 0;
  for (let n = 0; n + 1 < lineStarts.length; n++) {
    const eol = text.slice(lineSpan(text, lineStarts, n).end, lineStarts[n + 1]);
    const count = (counts.get(eol) ?? 0) + 1;
    counts.set(eol, count);
    if (count > most) [best, most] = [eol, count];
  }
  return best;
}

/** The 0-based line holding `offset`. */
export function lineAt(lineStarts: number[], offset: number): number {
  let lo = 0;
  let hi = lineStarts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (lineStarts[mid] <= offset) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

const SPACE = /[\s\u3000\ufeff]/;
const isSpace = (code: number) => code === 32 || (code >= 9 && code <= 13) || (code > 127 && SPACE.test(String.fromCharCode(code)));

/** The span of `text.slice(start, end)` without the white space (ASCII, ideographic, BOM) around it. */
export function trimSpan(text: string, start: number, end: number): Span {
  while (start < end && isSpace(text.charCodeAt(start))) start++;
  while (end > start && isSpace(text.charCodeAt(end - 1))) end--;
  return { start, end };
}

export function isBlank(line: string): boolean {
  return /^[\s\u3000\ufeff]*$/.test(line);
}
