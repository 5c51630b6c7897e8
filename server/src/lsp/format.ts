import type { TextEdit } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { lineEndingOf, lineSpan, lineStartsOf, splitPipeRow, tableMarkdown, withLfBreaks } from '../core';
import { displayWidth } from '../shared/width';
import { rangeOf } from './documents';

/** The cells of a pipe-table line as the parser reads them (`|` and `｜`, escaped pipes kept), each trimmed. */
function cellsOf(line: string): string[] {
  return splitPipeRow(line, { start: 0, end: line.length }).map((cell) => cell.text);
}

type Align = 'left' | 'right' | 'center' | 'none';

function alignOf(delimiter: string): Align {
  const left = delimiter.startsWith(':');
  const right = delimiter.endsWith(':');
  return left && right ? 'center' : right ? 'right' : left ? 'left' : 'none';
}

function pad(text: string, width: number, align: Align): string {
  const gap = width - displayWidth(text);
  if (gap <= 0) return text;
  if (align === 'right') return ' '.repeat(gap) + text;
  if (align === 'center') return ' '.repeat(gap >> 1) + text + ' '.repeat(gap - (gap >> 1));
  return text + ' '.repeat(gap);
}

function delimiterCell(width: number, align: Align): string {
  const dashes = (n: number) => '-'.repeat(Math.max(n, 1));
  if (align === 'center') return `:${dashes(width - 2)}:`;
  if (align === 'right') return `${dashes(width - 1)}:`;
  if (align === 'left') return `:${dashes(width - 1)}`;
  return dashes(width);
}

/** One GFM table with its columns padded to a common display width. */
function alignTable(lines: string[]): string[] {
  const indent = /^[ \t]*/.exec(lines[0])![0];
  const rows = lines.map(cellsOf);
  const aligns = rows[1].map(alignOf);
  const columns = Math.max(...rows.map((r) => r.length));
  const widths = Array.from({ length: columns }, (_, c) =>
    Math.max(3, ...rows.map((r, i) => (i === 1 || c >= r.length ? 0 : displayWidth(r[c])))),
  );
  return rows.map((cells, i) => {
    const out = cells.map((cell, c) =>
      i === 1 ? delimiterCell(widths[c], aligns[c] ?? 'none') : pad(cell, widths[c], aligns[c] ?? 'none'),
    );
    return `${indent}| ${out.join(' | ')} |`;
  });
}

/** Edits that align every pipe table of the document; formatting the result again changes nothing. */
export function formatTables(document: TextDocument): TextEdit[] {
  const text = document.getText();
  const lineStarts = lineStartsOf(text);
  const lineText = (n: number) => {
    const span = lineSpan(text, lineStarts, n);
    return text.slice(span.start, span.end);
  };
  const eol = lineEndingOf(text);
  const edits: TextEdit[] = [];
  for (const token of tableMarkdown.parse(withLfBreaks(text, lineStarts), {})) {
    if (token.type !== 'table_open' || !token.map || token.level !== 0) continue;
    const [from, to] = token.map;
    const lines = Array.from({ length: to - from }, (_, i) => lineText(from + i));
    if (lines.some((l) => /^\s*>/.test(l))) continue;
    const aligned = alignTable(lines);
    if (aligned.every((l, i) => l === lines[i])) continue;
    const start = lineStarts[from];
    const end = lineSpan(text, lineStarts, to - 1).end;
    edits.push({ range: rangeOf(document, { start, end }), newText: aligned.join(eol) });
  }
  return edits;
}
