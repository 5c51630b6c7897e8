// Set up the first time a file needs it (GB18030, or writing UTF-16BE): most drafts are UTF-8, and iconv-lite's tables
// are half the CLI bundle (which the code cache of dist/cli.js then need not compile).
let iconvLite: typeof import('iconv-lite') | undefined;
const iconv = (): typeof import('iconv-lite') => (iconvLite ??= require('iconv-lite'));

export type EncodingName = 'utf-8' | 'utf-16le' | 'utf-16be' | 'gb18030';

export interface Encoding {
  name: EncodingName;
  bom: boolean;
}

export type Decoded =
  | {
      kind: 'text';
      text: string;
      encoding: Encoding;
      /** Whether encoding `text` again gives back exactly the bytes read (false: invalid bytes became U+FFFD). */
      lossless: boolean;
      /** NUL characters kept in the text (a stray one in a text file is read, with a warning). */
      nuls: number;
    }
  | { kind: 'binary' }
  /** NULs placed as in UTF-16 without a byte order mark (`encoding`: the byte order they show), but not valid UTF-16. */
  | { kind: 'utf-16-unreadable'; encoding: EncodingName };

const BOMS: { name: EncodingName; bytes: number[] }[] = [
  { name: 'utf-8', bytes: [0xef, 0xbb, 0xbf] },
  { name: 'utf-16le', bytes: [0xff, 0xfe] },
  { name: 'utf-16be', bytes: [0xfe, 0xff] },
];

function startsWith(bytes: Uint8Array, prefix: number[]): boolean {
  return prefix.every((b, i) => bytes[i] === b);
}

/** Text in a known encoding; `lossless` where the bytes were all valid in it (else some became U+FFFD). */
export function decodeAs(bytes: Uint8Array, encoding: Encoding): { text: string; lossless: boolean } {
  if (encoding.name === 'gb18030') {
    const text = iconv().decode(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength), 'gb18030', { stripBOM: false });
    return { text, lossless: iconv().encode(text, 'gb18030').equals(bytes) };
  }
  try {
    return { text: decoder(encoding, true).decode(bytes), lossless: true };
  } catch {
    return { text: decoder(encoding, false).decode(bytes), lossless: false };
  }
}

const decoders = new Map<string, TextDecoder>();

/** A decoder for the encoding (one per kind, reused: each decode is whole, never streamed). */
function decoder(encoding: Encoding, fatal: boolean): TextDecoder {
  const key = `${encoding.name} ${encoding.bom} ${fatal}`;
  let found = decoders.get(key);
  // The decoder drops a leading BOM unless told to ignore it: drop it where the file has one, keep a U+FEFF otherwise.
  if (!found) decoders.set(key, (found = new TextDecoder(encoding.name, { fatal, ignoreBOM: !encoding.bom })));
  return found;
}

/** Mostly valid UTF-8 with a few broken bytes (damaged UTF-8), rather than text in a legacy encoding. */
function looksLikeDamagedUtf8(lenient: string): boolean {
  let replaced = 0;
  let valid = 0;
  for (let i = 0; i < lenient.length; i++) {
    const c = lenient.charCodeAt(i);
    if (c === 0xfffd) replaced++;
    else if (c > 0x7f) valid++;
  }
  return valid >= replaced * 4;
}

/** The share of NUL bytes up to which a file is text with stray NULs, not a binary file. */
const STRAY_NULS = 0.01;
/** The share of code units with a zero high byte from which NUL-free UTF-16 without a BOM is suspected. */
const UTF16_ASCII_SHARE = 0.05;
/**
 * How many times more zero bytes one side of the pairs must have than the other: CJK characters U+4E00, U+6700 …
 * (一, 最) put a zero on the other side, 1–3 % of a report's characters against 8–37 % of ASCII (measured on the seeds).
 */
const UTF16_SIDE_RATIO = 2;
/** Fewer code units than this tell nothing about a byte order. */
const MIN_UTF16_UNITS = 16;

function countNuls(bytes: Uint8Array): number {
  let n = 0;
  for (let i = bytes.indexOf(0); i !== -1; i = bytes.indexOf(0, i + 1)) n++;
  return n;
}

/**
 * The byte order of UTF-16 without a BOM, told by where its NULs are: the ASCII characters of a report (digits,
 * pipes, line breaks) have a zero high byte, always on the same side of each pair; CJK characters seldom have one.
 */
function utf16ByteOrder(bytes: Uint8Array): 'utf-16le' | 'utf-16be' | undefined {
  let even = 0;
  let odd = 0;
  for (let i = 0; i + 1 < bytes.length; i += 2) {
    if (bytes[i] === 0) even++;
    if (bytes[i + 1] === 0) odd++;
  }
  const units = bytes.length >> 1;
  if (units < MIN_UTF16_UNITS) return undefined;
  if (odd >= units * UTF16_ASCII_SHARE && odd >= even * UTF16_SIDE_RATIO) return 'utf-16le';
  if (even >= units * UTF16_ASCII_SHARE && even >= odd * UTF16_SIDE_RATIO) return 'utf-16be';
  return undefined;
}

/**
 * Reads the bytes of a draft: UTF-8 (with or without BOM), UTF-16 LE/BE (with a BOM, or without one where its NULs
 * show the byte order), or GB18030 (which includes GBK). A few stray NULs in text that is otherwise valid are kept;
 * more, or NULs in bytes that are not valid text, make a binary file.
 */
export function decode(bytes: Uint8Array): Decoded {
  const withBom = BOMS.find((b) => startsWith(bytes, b.bytes));
  if (withBom && withBom.name !== 'utf-8') {
    const encoding: Encoding = { name: withBom.name, bom: true };
    return { kind: 'text', encoding, ...decodeAs(bytes, encoding), nuls: 0 };
  }
  const nuls = countNuls(bytes);
  if (nuls > 0) {
    const order = utf16ByteOrder(bytes);
    if (order) {
      const encoding: Encoding = { name: order, bom: false };
      const decoded = bytes.length % 2 === 0 ? decodeAs(bytes, encoding) : undefined;
      if (!decoded?.lossless || controlShare(decoded.text) > STRAY_NULS) return { kind: 'utf-16-unreadable', encoding: order };
      return { kind: 'text', encoding, ...decoded, nuls: countNulChars(decoded.text) };
    }
    if (nuls > bytes.length * STRAY_NULS) return { kind: 'binary' };
  }
  const utf8: Encoding = { name: 'utf-8', bom: !!withBom };
  const asUtf8 = decodeAs(bytes, utf8);
  if (asUtf8.lossless || (nuls === 0 && (withBom || looksLikeDamagedUtf8(asUtf8.text))))
    return { kind: 'text', encoding: utf8, ...asUtf8, nuls };
  const gb: Encoding = { name: 'gb18030', bom: false };
  const asGb = decodeAs(bytes, gb);
  if (nuls > 0 && !asGb.lossless) return { kind: 'binary' };
  return { kind: 'text', encoding: gb, ...asGb, nuls };
}

/** The share of C0 control characters other than white space: next to none in text. */
function controlShare(text: string): number {
  let n = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 32 && c !== 9 && c !== 10 && c !== 13 && c !== 12) n++;
  }
  return n / Math.max(1, text.length);
}

function countNulChars(text: string): number {
  let n = 0;
  for (let i = text.indexOf('\0'); i !== -1; i = text.indexOf('\0', i + 1)) n++;
  return n;
}

/** The bytes of `text` in `encoding` (with its BOM where it had one). */
export function encode(text: string, encoding: Encoding): Buffer {
  const bom = encoding.bom ? BOMS.find((b) => b.name === encoding.name)!.bytes : [];
  let body: Buffer;
  if (encoding.name === 'utf-8') body = Buffer.from(text, 'utf8');
  else if (encoding.name === 'utf-16le') body = Buffer.from(text, 'utf16le');
  else body = iconv().encode(text, encoding.name === 'utf-16be' ? 'utf16-be' : 'gb18030');
  return Buffer.concat([Buffer.from(bom), body]);
}

/** The bytes of `text` in `encoding`, or undefined where reading them back would not give `text` exactly. */
export function encodeLosslessly(text: string, encoding: Encoding): Buffer | undefined {
  const bytes = encode(text, encoding);
  const back = decodeAs(bytes, encoding);
  return back.lossless && back.text === text ? bytes : undefined;
}

export function encodingLabel(encoding: Encoding): string {
  const name = { 'utf-8': 'UTF-8', 'utf-16le': 'UTF-16LE', 'utf-16be': 'UTF-16BE', gb18030: 'GB18030' }[encoding.name];
  return encoding.bom ? `${name} (BOM)` : name;
}
