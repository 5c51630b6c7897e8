import type { Cell, Report, Span, Table } from './model';
import { type RowToRender, renderRows } from './render';
import type { TableDef } from './standard';
import { lineAt, lineSpan, lineText } from './parse/text';
import type { TextEdit } from './model';

/** Cell text on one line: breaks inside CJK text vanish (`自\n然\n人`), other runs of space become one space. */
export function flatten(text: string): string {
  return text
    .split(/\r?\n/)
    .map((line) => line.trim())
    .join('')
    .replace(/[\s\u3000]+/g, ' ')
    .trim();
}

const cellText = (cell: Cell | undefined) => (cell ? flatten(cell.text) : '');

/** Whether the item name (`第二十条第（一）项`) was written as a row of the table rather than on the line above. */
function itemInside(table: Table): boolean {
  return !!table.item && table.item.span.start >= table.span.start;
}

/**
 * A table as a canonical markdown table, values kept exactly as found. With another edition's `target`, the
 * target's rows and columns, carrying over the values whose row and column ids match (0 elsewhere).
 */
export function tableToMarkdown(table: Table, target: TableDef = table.def): string {
  let rows: RowToRender[];
  if (target === table.def) {
    rows = table.rows.map((r) => ({
      def: r.def,
      label: r.def && r.label ? cellText(r.label) : undefined,
      labels: r.def ? undefined : r.labels.map(cellText),
      values: [...r.values, ...r.extra].map(cellText),
    }));
  } else {
    rows = target.rows.map((def) => {
      const source = table.rows.find((r) => r.def?.id === def.id);
      const values = target.columns.map((column) => {
        const i = table.def.columns.findIndex((c) => c.id === column.id);
        return (source && i >= 0 && cellText(source.values[i])) || '0';
      });
      return { def, values };
    });
  }
  const body = renderRows(target, rows);
  if (!itemInside(table)) return body;
  return `${target === table.def ? cellText(table.item) : (target.item ?? cellText(table.item))}\n\n${body}`;
}

/** Replaces whole lines with a block, keeping a blank line between it and the text around it. */
export function replaceLines(report: Report, span: Span, block: string): TextEdit {
  const { text, lineStarts } = report;
  const first = lineAt(lineStarts, span.start);
  const last = lineAt(lineStarts, span.end);
  const lead = first > 0 && lineText(text, lineStarts, first - 1).trim() !== '' ? '\n' : '';
  const trail = last + 1 < lineStarts.length && lineText(text, lineStarts, last + 1).trim() !== '' ? '\n' : '';
  return { start: lineStarts[first], end: lineSpan(text, lineStarts, last).end, newText: `${lead}${block}${trail}` };
}
