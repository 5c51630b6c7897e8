import type { Span } from '../model';

export function lineStartsOf(text: string): number[] {
  const starts = [0];
  for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) starts.push(i + 1);
  return starts;
}

/** The span of line `n` (0-based), without its line break. */
export function lineSpan(text: string, lineStarts: number[], n: number): Span {
  const start = lineStarts[n];
  let end = n + 1 < lineStarts.length ? lineStarts[n + 1] - 1 : text.length;
  if (end > start && text.charCodeAt(end - 1) === 13) end--;
  return { start, end };
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
