import type { CellValue } from '../model';

const NUMBER = /^[+-]?\d+(?:\.\d+)?$/;
const UNIT = /(?:万元|元|件|个|项|次|人次|宗)$/;
/** Word-processor and converter leftovers: `[bookmark: _GoBack]`, `{.mark}`, HTML tags, footnote marks. */
// Bounded runs that stop at the next opener: a cell full of unclosed `[` costs its length, not 200 times it.
const DEBRIS = /\[[^[\]]{0,200}\]|\{[^{}]{0,200}\}|<[^<>]{0,200}>|\*+/g;
const DEBRIS_OPENER = /[[{<*]/;
const HAN = /\p{Script=Han}/u;
const CHINESE_NUMBER = /^[〇零一二三四五六七八九十百千万两]+$/;

/** A figure written in Chinese numerals (`二十`): not a number, but it stands where one should. */
export function isChineseNumber(text: string): boolean {
  return text.length <= 8 && CHINESE_NUMBER.test(text);
}

function normalizeNumber(text: string): string {
  return text
    .normalize('NFKC')
    .replace(/[\s\u3000]+/g, '')
    .replace(/(\d),(?=\d{3}(?:\D|$))/g, '$1')
    .replace(/^[−–—]/, '-');
}

const PLAIN_INTEGER = /^-?\d{1,15}$/;
/** Figures with spaces between them (`21 1`, `11　8`): two numbers, not one written with a space. */
const SPACED_FIGURES = /\d[\s\u3000]+[+-]?\d/;
const FIGURES = /[+-]?\d+(?:\.\d+)?/g;
const ANY_DIGIT = /[0-9０-９]/;

const BLANK: CellValue = Object.freeze({ kind: 'blank' });
const TEXT: CellValue = Object.freeze({ kind: 'text' });
/** Values are immutable: the small counts that fill most cells are shared, not allocated per cell. */
const SMALL_COUNTS: CellValue[] = Array.from({ length: 1000 }, (_, value) => Object.freeze({ kind: 'number', value, integer: true }));

export function parseValue(text: string): CellValue {
  if (PLAIN_INTEGER.test(text)) {
    const value = Number(text) || 0;
    return value >= 0 && value < SMALL_COUNTS.length ? SMALL_COUNTS[value] : { kind: 'number', value, integer: true };
  }
  if (!ANY_DIGIT.test(text)) return text.trim() === '' ? BLANK : TEXT;
  const debris = DEBRIS_OPENER.test(text);
  const core = (debris ? text.replace(DEBRIS, ' ') : text).trim().replace(UNIT, '');
  if (HAN.test(core)) return TEXT;
  const spaced = core.normalize('NFKC');
  if (SPACED_FIGURES.test(spaced)) return { kind: 'text', figures: spaced.match(FIGURES)!.map(Number) };
  const plain = normalizeNumber(core);
  if (!debris && NUMBER.test(plain)) {
    const value = Number(plain);
    return { kind: 'number', value: Object.is(value, -0) ? 0 : value, integer: !plain.includes('.') };
  }
  const numbers = plain.match(FIGURES);
  return numbers?.length === 1 ? { kind: 'text', recovered: Number(numbers[0]) } : TEXT;
}

/** Text that names something (a row or column label), as opposed to a value that is malformed. */
export function isLabelLike(text: string): boolean {
  const compact = text.replace(/[\s\u3000]+/g, '');
  return HAN.test(compact) && !/\d/.test(compact.replace(/^\d+[.、．]/, '')) && !CHINESE_NUMBER.test(compact);
}
