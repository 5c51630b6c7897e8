import { TRADITIONAL_WITNESSES } from './traditional';

/**
 * Loaded and built for the first text that needs it: the dictionary is a third of the CLI bundle and building it costs
 * tens of milliseconds (the CLI build makes it a bundle of its own, dist/opencc-t2cn.js).
 */
let traditionalToSimplified: ((text: string) => string) | undefined;

/** The witnesses as a bit per BMP code unit, plus the few beyond the BMP. */
const witnessBits = new Uint8Array(0x10000 >> 3);
const astralWitnesses = new Set<number>();
for (const char of TRADITIONAL_WITNESSES) {
  const code = char.codePointAt(0)!;
  if (code > 0xffff) astralWitnesses.add(code);
  else witnessBits[code >> 3] |= 1 << (code & 7);
}

/** Whether the converter could change `text`: every dictionary entry that changes text holds one of the witnesses. */
function mayHaveTraditional(text: string): boolean {
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x3400) continue;
    if (c >= 0xd800 && c <= 0xdbff) {
      if (astralWitnesses.has(text.codePointAt(i)!)) return true;
      i++;
    } else if (witnessBits[c >> 3] & (1 << (c & 7))) return true;
  }
  return false;
}

/** Traditional → Simplified; text without a Traditional character is returned as it is without touching the dictionary. */
export function simplify(text: string): string {
  if (!mayHaveTraditional(text)) return text;
  if (!traditionalToSimplified) {
    const { Converter }: typeof import('opencc-js/t2cn') = require('opencc-js/t2cn');
    traditionalToSimplified = Converter({ from: 't', to: 'cn' });
  }
  return traditionalToSimplified(text);
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
