import { Converter } from 'opencc-js/t2cn';

const traditionalToSimplified = Converter({ from: 't', to: 'cn' });
const NON_ASCII = /[^\x00-\x7f]/;

/** Traditional → Simplified; ASCII-only text is returned as it is without touching the dictionary. */
export function simplify(text: string): string {
  return NON_ASCII.test(text) ? traditionalToSimplified(text) : text;
}

/** Full-width forms folded to their ASCII twins (（一） → (一), ２２ → 22, ｜ → |), Traditional to Simplified. */
export function fold(text: string): string {
  if (text.length > MAX_FOLDED_LENGTH) return simplify(text).normalize('NFKC');
  let folded = foldings.get(text);
  if (folded === undefined) {
    folded = simplify(text).normalize('NFKC');
    if (foldings.size >= MAX_CACHED_KEYS) foldings.clear();
    foldings.set(text, folded);
  }
  return folded;
}

/** Labels, headings and item names recur in every draft: their folded forms are kept (the dictionary walk costs). */
const foldings = new Map<string, string>();
const MAX_FOLDED_LENGTH = 80;

export const CHINESE_DIGITS = '〇零一二三四五六七八九十';
const NUMBERING = new RegExp(`^(?:[${CHINESE_DIGITS}]+[、.]|\\([${CHINESE_DIGITS}]+\\)[、.]?|\\d+[.、)]|\\(\\d+\\)|[①-⑳])`);

/** The numbering that opens a label (`一、`, `(三)`, `1.`), after folding; '' where there is none. */
export function numberingOf(folded: string): string {
  return NUMBERING.exec(folded.replace(/\s+/g, ''))?.[0] ?? '';
}

/**
 * The comparison key of a label: folded, with whitespace, quotes, punctuation and the leading numbering removed.
 * Two wordings with the same key are the same label (a Traditional form or `1、` for `1.` is not a finding).
 */
export function labelKey(text: string): string {
  let key = keys.get(text);
  if (key === undefined) {
    const folded = fold(text).replace(/\s+/g, '');
    key = folded.replace(NUMBERING, '').replace(/["“”'‘’「」『』,，、。.:;·•\-—_*]/g, '');
    if (keys.size >= MAX_CACHED_KEYS) keys.clear();
    keys.set(text, key);
  }
  return key;
}

/** Labels repeat across tables, editions and checks of the same draft: their keys are kept. */
const keys = new Map<string, string>();
const MAX_CACHED_KEYS = 20_000;

let previousRow = new Uint32Array(64);
let currentRow = new Uint32Array(64);

/** Levenshtein distance, giving up (returning limit + 1) as soon as it exceeds `limit`. */
export function editDistance(a: string, b: string, limit: number): number {
  if (Math.abs(a.length - b.length) > limit) return limit + 1;
  // Two rows of the table, reused: a label is matched against every standard label, many times per draft.
  if (previousRow.length <= b.length) {
    previousRow = new Uint32Array(2 * (b.length + 1));
    currentRow = new Uint32Array(2 * (b.length + 1));
  }
  let previous = previousRow;
  let current = currentRow;
  for (let j = 0; j <= b.length; j++) previous[j] = j;
  for (let i = 1; i <= a.length; i++) {
    current[0] = i;
    let best = i;
    const ca = a.charCodeAt(i - 1);
    for (let j = 1; j <= b.length; j++) {
      const cost = ca === b.charCodeAt(j - 1) ? 0 : 1;
      const value = Math.min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost);
      current[j] = value;
      if (value < best) best = value;
    }
    if (best > limit) return limit + 1;
    [previous, current] = [current, previous];
  }
  return previous[b.length];
}

/** How far a wording may stray from a standard label and still be taken for it. */
export function typoAllowance(key: string): number {
  return key.length < 4 ? 0 : Math.max(1, Math.floor(key.length / 5));
}
