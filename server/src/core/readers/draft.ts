import type { Block, BlockCell, Origin, SourceLocation } from './types';

/** Text of one line: runs of white space folded, a break inside CJK text dropped (`自\n然\n人`). */
export function oneLine(text: string): string {
  return text
    .split(/\r\n?|\n/)
    .map((part) => part.trim())
    .reduce(
      (line, part) =>
        line && part && !/[\p{Script=Han}（）“”、，。：；]$/u.test(line) && !/^[\p{Script=Han}（）“”、，。：；]/u.test(part)
          ? `${line} ${part}`
          : line + part,
      '',
    )
    .replace(/[ \t\u00a0\u3000]+/g, ' ')
    .trim();
}

/** A table's merged cells spread over the grid: the text in the top-left position, blank positions elsewhere. */
export function toGrid(rows: BlockCell[][]): (BlockCell | undefined)[][] {
  const grid: (BlockCell | undefined)[][] = [];
  const taken: boolean[][] = [];
  rows.forEach((row, r) => {
    grid[r] ??= [];
    taken[r] ??= [];
    let c = 0;
    for (const cell of row) {
      while (taken[r][c]) c++;
      const rowSpan = Math.max(1, Math.min(cell.rowSpan ?? 1, rows.length - r));
      const colSpan = Math.max(1, Math.min(cell.colSpan ?? 1, 1000));
      for (let dr = 0; dr < rowSpan; dr++) {
        grid[r + dr] ??= [];
        taken[r + dr] ??= [];
        for (let dc = 0; dc < colSpan; dc++) {
          taken[r + dr][c + dc] = true;
          grid[r + dr][c + dc] = dr === 0 && dc === 0 ? cell : undefined;
        }
      }
      c += colSpan;
    }
  });
  const width = Math.max(0, ...taken.map((row) => row.length));
  return grid.map((row) => Array.from({ length: width }, (_, c) => row[c]));
}

/**
 * The draft text of a structured document: headings as markdown headings, paragraphs as lines, tables as GFM pipe
 * tables (merged cells spread over the grid), blocks apart by a blank line; with the origin of every piece of text.
 */
export function blocksToDraft(blocks: Block[]): { text: string; origins: Origin[] } {
  let text = '';
  const origins: Origin[] = [];
  const put = (piece: string, location?: SourceLocation) => {
    if (location && piece) origins.push({ start: text.length, end: text.length + piece.length, location });
    text += piece;
  };
  for (const block of blocks) {
    if (block.kind === 'table') {
      const grid = toGrid(block.rows);
      if (grid.length === 0 || grid[0].length === 0) continue;
      grid.forEach((row, r) => {
        put('|');
        for (const cell of row) {
          put(' ');
          put(cell ? oneLine(cell.text).replace(/\|/g, '\\|') : '', cell?.location);
          put(' |');
        }
        put('\n');
        if (r === 0) put(`|${row.map(() => ' --- |').join('')}\n`);
      });
      put('\n');
      continue;
    }
    const line = oneLine(block.text);
    if (!line) continue;
    if (block.kind === 'heading') put(`${'#'.repeat(Math.min(Math.max(block.level, 1), 6))} `);
    put(line, block.location);
    put('\n\n');
  }
  return { text, origins };
}

/** The source location of an offset of the draft text (the nearest origin at or before it). */
export function locate(origins: Origin[], offset: number): SourceLocation | undefined {
  let lo = 0;
  let hi = origins.length - 1;
  let found: Origin | undefined;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (origins[mid].start <= offset) {
      found = origins[mid];
      lo = mid + 1;
    } else {
      hi = mid - 1;
    }
  }
  return found?.location;
}
