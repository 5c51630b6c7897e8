// Test helpers: tables read back from the HTML and Word output, and the draft's pipe tables read on their own.
import { inflateRawSync } from 'node:zlib';

/** One cell as written: its text and how far it spans. */
export interface WrittenCell {
  text: string;
  rowSpan: number;
  colSpan: number;
  /** HTML: the class and title attributes; Word: empty. */
  classes: string[];
  title?: string;
  /** Word: the vMerge value (`restart`, `continue`). */
  vMerge?: string;
}

export interface WrittenTable {
  id?: string;
  caption?: string;
  header: WrittenCell[][];
  body: WrittenCell[][];
}

const unescapeHtml = (text: string) =>
  text
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&amp;/g, '&');
const attribute = (attributes: string, name: string) => new RegExp(`\\b${name}="([^"]*)"`).exec(attributes)?.[1];

function htmlRows(section: string): WrittenCell[][] {
  return [...section.matchAll(/<tr>([\s\S]*?)<\/tr>/g)].map((row) =>
    [...row[1].matchAll(/<(th|td)\b([^>]*)>([\s\S]*?)<\/\1>/g)].map(([, , attributes, content]) => ({
      text: unescapeHtml(content.replace(/<sup\b[\s\S]*?<\/sup>/g, '').replace(/<[^>]+>/g, '')),
      rowSpan: Number(attribute(attributes, 'rowspan') ?? 1),
      colSpan: Number(attribute(attributes, 'colspan') ?? 1),
      classes: (attribute(attributes, 'class') ?? '').split(' ').filter(Boolean),
      ...(attribute(attributes, 'title') !== undefined && { title: unescapeHtml(attribute(attributes, 'title')!) }),
    })),
  );
}

/** The `govreport-table` tables of a page, in order. */
export function htmlTables(html: string): WrittenTable[] {
  return [...html.matchAll(/<table class="govreport-table"([^>]*)>([\s\S]*?)<\/table>/g)].map(([, attributes, inner]) => ({
    ...(attribute(attributes, 'data-table') !== undefined && { id: attribute(attributes, 'data-table') }),
    ...(/<caption>([\s\S]*?)<\/caption>/.exec(inner) && { caption: unescapeHtml(/<caption>([\s\S]*?)<\/caption>/.exec(inner)![1]) }),
    header: htmlRows(/<thead>([\s\S]*?)<\/thead>/.exec(inner)?.[1] ?? ''),
    body: htmlRows(/<tbody>([\s\S]*?)<\/tbody>/.exec(inner)?.[1] ?? inner),
  }));
}

/** The files of a zip archive (stored or deflated entries), read from its central directory. */
export function unzip(zip: Uint8Array): Map<string, Buffer> {
  const buffer = Buffer.from(zip.buffer, zip.byteOffset, zip.byteLength);
  const end = buffer.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
  const files = new Map<string, Buffer>();
  let at = buffer.readUInt32LE(end + 16);
  for (let i = 0; i < buffer.readUInt16LE(end + 10); i++) {
    const method = buffer.readUInt16LE(at + 10);
    const size = buffer.readUInt32LE(at + 20);
    const nameLength = buffer.readUInt16LE(at + 28);
    const name = buffer.toString('utf8', at + 46, at + 46 + nameLength);
    const local = buffer.readUInt32LE(at + 42);
    const start = local + 30 + buffer.readUInt16LE(local + 26) + buffer.readUInt16LE(local + 28);
    const data = buffer.subarray(start, start + size);
    files.set(name, method === 8 ? inflateRawSync(data) : Buffer.from(data));
    at += 46 + nameLength + buffer.readUInt16LE(at + 30) + buffer.readUInt16LE(at + 32);
  }
  return files;
}

/** The tables of a Word document.xml; a header row is one marked `tblHeader` (repeated on each page). */
export function wordTables(documentXml: string): WrittenTable[] {
  return [...documentXml.matchAll(/<w:tbl>([\s\S]*?)<\/w:tbl>/g)].map(([, table]) => {
    const rows = [...table.matchAll(/<w:tr\b[^>]*>([\s\S]*?)<\/w:tr>/g)].map(([, row]) => ({
      header: row.includes('<w:tblHeader/>'),
      cells: [...row.matchAll(/<w:tc>([\s\S]*?)<\/w:tc>/g)].map(([, cell]): WrittenCell => {
        const vMerge = /<w:vMerge(?: w:val="(\w+)")?\/>/.exec(cell);
        return {
          text: unescapeHtml([...cell.matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((t) => t[1]).join('')),
          rowSpan: 1,
          colSpan: Number(/<w:gridSpan w:val="(\d+)"\/>/.exec(cell)?.[1] ?? 1),
          classes: [],
          ...(vMerge && { vMerge: vMerge[1] ?? 'continue' }),
        };
      }),
    }));
    return { header: rows.filter((r) => r.header).map((r) => r.cells), body: rows.filter((r) => !r.header).map((r) => r.cells) };
  });
}

/** Word's vertical merges as HTML's rowspan: a `restart` cell spans the `continue` cells below it, which go. */
export function resolveVerticalMerges(rows: WrittenCell[][]): WrittenCell[][] {
  const columnOf = (row: WrittenCell[], index: number) => row.slice(0, index).reduce((n, c) => n + c.colSpan, 0);
  const open = new Map<number, WrittenCell>();
  return rows.map((row) =>
    row.filter((cell, i) => {
      const column = columnOf(row, i);
      if (cell.vMerge === 'continue') {
        open.get(column)!.rowSpan++;
        return false;
      }
      if (cell.vMerge === 'restart') open.set(column, cell);
      else open.delete(column);
      return true;
    }),
  );
}

/** The text at every grid position, spanned cells repeated over the positions they cover. */
export function grid(rows: WrittenCell[][]): string[][] {
  const out: string[][] = rows.map(() => []);
  rows.forEach((row, r) => {
    let c = 0;
    for (const cell of row) {
      while (out[r][c] !== undefined) c++;
      for (let dr = 0; dr < cell.rowSpan; dr++) for (let dc = 0; dc < cell.colSpan; dc++) (out[r + dr] ??= [])[c + dc] = cell.text;
      c += cell.colSpan;
    }
  });
  return out;
}

export interface DraftTable {
  header: string[][];
  body: string[][];
}

/** The GFM pipe tables of a draft, split on the pipes: header rows (above and below the delimiter row) and body rows. */
export function draftTables(markdown: string): DraftTable[] {
  const tables: DraftTable[] = [];
  let current: { rows: string[][]; delimiter: number } | undefined;
  for (const line of markdown.split('\n')) {
    if (!line.startsWith('|')) {
      if (current) tables.push(split(current));
      current = undefined;
      continue;
    }
    current ??= { rows: [], delimiter: -1 };
    const cells = line
      .slice(1, line.trimEnd().length - 1)
      .split('|')
      .map((c) => c.trim());
    if (cells.every((c) => /^:?-+:?$/.test(c))) current.delimiter = current.rows.length;
    else current.rows.push(cells);
  }
  if (current) tables.push(split(current));
  return tables;
}

/** Rows up to the first all-figure or labelled-figure row are header rows (Section 四 writes three). */
function split({ rows, delimiter }: { rows: string[][]; delimiter: number }): DraftTable {
  const firstBody = rows.findIndex((r, i) => i >= delimiter && r.some((c) => /^\d+(\.\d+)?$/.test(c)));
  return { header: rows.slice(0, firstBody), body: rows.slice(firstBody) };
}
