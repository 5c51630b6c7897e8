import iconv from 'iconv-lite';

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
    }
  | { kind: 'binary' };

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
    const text = iconv.decode(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength), 'gb18030', { stripBOM: false });
    return { text, lossless: iconv.encode(text, 'gb18030').equals(bytes) };
  }
  // The decoder drops a leading BOM unless told to ignore it: drop it where the file has one, keep a U+FEFF otherwise.
  try {
    return { text: new TextDecoder(encoding.name, { fatal: true, ignoreBOM: !encoding.bom }).decode(bytes), lossless: true };
  } catch {
    return { text: new TextDecoder(encoding.name, { ignoreBOM: !encoding.bom }).decode(bytes), lossless: false };
  }
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

/**
 * Reads the bytes of a draft: UTF-8 (with or without BOM), UTF-16 LE/BE with BOM, or GB18030 (which includes GBK).
 * A file with NUL bytes that is not UTF-16 is binary.
 */
export function decode(bytes: Uint8Array): Decoded {
  const withBom = BOMS.find((b) => startsWith(bytes, b.bytes));
  if (withBom && withBom.name !== 'utf-8') {
    const encoding: Encoding = { name: withBom.name, bom: true };
    return { kind: 'text', encoding, ...decodeAs(bytes, encoding) };
  }
  if (bytes.includes(0)) return { kind: 'binary' };
  const utf8: Encoding = { name: 'utf-8', bom: !!withBom };
  const asUtf8 = decodeAs(bytes, utf8);
  if (asUtf8.lossless || withBom || looksLikeDamagedUtf8(asUtf8.text)) return { kind: 'text', encoding: utf8, ...asUtf8 };
  const gb: Encoding = { name: 'gb18030', bom: false };
  return { kind: 'text', encoding: gb, ...decodeAs(bytes, gb) };
}

/** The bytes of `text` in `encoding` (with its BOM where it had one). */
export function encode(text: string, encoding: Encoding): Buffer {
  const bom = encoding.bom ? BOMS.find((b) => b.name === encoding.name)!.bytes : [];
  let body: Buffer;
  if (encoding.name === 'utf-8') body = Buffer.from(text, 'utf8');
  else if (encoding.name === 'utf-16le') body = Buffer.from(text, 'utf16le');
  else body = iconv.encode(text, encoding.name === 'utf-16be' ? 'utf16-be' : 'gb18030');
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
