import type { CellValue } from '../model';

const NUMBER = /^[+-]?\d+(?:\.\d+)?$/;
const UNIT = /(?:万元|元|件|个|项|次|人次|宗)$/;
/** Word-processor and converter leftovers: `[bookmark: _GoBack]`, `{.mark}`, HTML tags, footnote marks. */
const DEBRIS = /\[[^\]]*\]|\{[^}]*\}|<[^>]*>|\*+/g;
const DEBRIS_OPENER = /[[{<*]/;
const HAN = /\p{Script=Han}/u;
const CHINESE_NUMBER = /^[〇零一二三四五六七八九十百千万两]+$/;

function normalizeNumber(text: string): string {
  return text
    .normalize('NFKC')
    .replace(/[\s\u3000]+/g, '')
    .replace(/(\d),(?=\d{3}(?:\D|$))/g, '$1')
    .replace(/^[−–—]/, '-');
}

const PLAIN_INTEGER = /^-?\d{1,15}$/;
const ANY_DIGIT = /[0-9０-９]/;

export function parseValue(text: string): CellValue {
  if (PLAIN_INTEGER.test(text)) return { kind: 'number', value: Number(text) || 0, integer: true };
  if (!ANY_DIGIT.test(text)) return text.trim() === '' ? { kind: 'blank' } : { kind: 'text' };
  const debris = DEBRIS_OPENER.test(text);
  const core = (debris ? text.replace(DEBRIS, ' ') : text).trim().replace(UNIT, '');
  if (HAN.test(core)) return { kind: 'text' };
  const plain = normalizeNumber(core);
  if (!debris && NUMBER.test(plain)) {
    const value = Number(plain);
    return { kind: 'number', value: Object.is(value, -0) ? 0 : value, integer: !plain.includes('.') };
  }
  const numbers = plain.match(/[+-]?\d+(?:\.\d+)?/g);
  return numbers?.length === 1 ? { kind: 'text', recovered: Number(numbers[0]) } : { kind: 'text' };
}

/** Text that names something (a row or column label), as opposed to a value that is malformed. */
export function isLabelLike(text: string): boolean {
  const compact = text.replace(/[\s\u3000]+/g, '');
  return HAN.test(compact) && !/\d/.test(compact.replace(/^\d+[.、．]/, '')) && !CHINESE_NUMBER.test(compact);
}
