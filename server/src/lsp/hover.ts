import type { Hover, Position } from 'vscode-languageserver';
import {
  type Cell,
  evaluate,
  formatNumber,
  fullRowLabel,
  getEdition,
  type RelationResult,
  type Row,
  type RowDef,
  standardHeading,
  type Table,
} from '../core';
import type { Locale } from '../shared/settings';
import { type Analysis, contains, rangeOf } from './documents';
import { say } from '../shared/i18n';

/** A row's label as the standard writes it, with its groups: `三、本年度办理结果 › （三）不予公开 › 3.危及“三安全一稳定”`. */
function rowPath(row: RowDef): string {
  return [...row.parents, fullRowLabel(row)].join(' › ');
}

/** A short name for a term: the row's own label, numbered within its group (`（三）1.属于国家秘密`). */
function rowTerm(row: RowDef): string {
  const group = row.parents.length > 1 ? (/^（[一二三四五六七]）/.exec(row.parents[row.parents.length - 1])?.[0] ?? '') : '';
  return group + fullRowLabel(row);
}

function editionLine(table: Table, locale: Locale): string {
  const document = getEdition(table.edition).document;
  return say(locale, `${table.edition} 版（${document}）`, `edition ${table.edition} (${document})`);
}

function formula(result: RelationResult, locale: Locale): string {
  const { relation, table, cell } = result;
  const def = table.def;
  const names =
    relation.axis === 'row'
      ? relation.terms.map((id) => def.columns.find((c) => c.id === id)!.label)
      : [...relation.terms, ...relation.totalSide].map((id) => rowTerm(def.rows.find((r) => r.id === id)!));
  const total =
    relation.axis === 'row'
      ? `${def.columns.find((c) => c.id === relation.total)!.label}（${result.context}）`
      : `${rowTerm(def.rows.find((r) => r.id === relation.total)!)}（${result.context}）`;
  const sign = (i: number) => (i === 0 ? (result.terms[i].negative ? '− ' : '') : result.terms[i].negative ? ' − ' : ' + ');
  const named = names.map((n, i) => sign(i) + n).join('');
  const valued = result.terms.map((t, i) => sign(i) + formatNumber(t.value)).join('');
  const lines = [`**${total}** = ${named}`, '', `= ${valued} = **${formatNumber(result.expected)}**`, ''];
  if (result.status === 'holds') lines.push(say(locale, '✓ 与表中数值一致', '✓ matches the table'));
  else if (result.status === 'blank')
    lines.push(
      say(
        locale,
        `单元格为空，应填 ${formatNumber(result.expected)}`,
        `The cell is blank; it should hold ${formatNumber(result.expected)}`,
      ),
    );
  else {
    const actual = cell.value.kind === 'number' ? formatNumber(cell.value.value) : cell.text;
    lines.push(
      say(
        locale,
        `✗ 表中为 ${actual}，应为 ${formatNumber(result.expected)}`,
        `✗ the table has ${actual}; it should be ${formatNumber(result.expected)}`,
      ),
    );
  }
  return lines.join('\n');
}

const STATUS_ORDER: Record<RelationResult['status'], number> = { mismatch: 0, blank: 1, holds: 2 };

/** Every relation a cell takes part in, as the total or as a term: failing ones first, those it totals before the rest. */
function relationsOf(table: Table, cell: Cell): RelationResult[] {
  const rank = (r: RelationResult) => STATUS_ORDER[r.status] * 2 + (r.cell === cell ? 0 : 1);
  return evaluate(table)
    .filter((r) => r.cell === cell || r.termCells.includes(cell))
    .sort((a, b) => rank(a) - rank(b));
}

function rowHover(table: Table, row: Row, cell: Cell, locale: Locale): string {
  const def = row.def!;
  const lines = [say(locale, `**标准行**：${rowPath(def)}`, `**Standard row**: ${rowPath(def)}`), '', editionLine(table, locale)];
  if (row.label === cell && row.wording && row.wording !== 'standard') {
    lines.push('', say(locale, `此处写法与标准不同：${cell.text}`, `Worded differently here: ${cell.text}`));
  }
  return lines.join('\n');
}

function hoverAt(analysis: Analysis, offset: number): { markdown: string; cell: Cell } | undefined {
  const { report } = analysis.result;
  const { locale } = analysis.settings;
  for (const section of report.sections) {
    if (!contains(section.span, offset)) continue;
    if (contains(section.heading.textSpan, offset)) {
      const lines = [say(locale, `**标准标题**：${standardHeading(section.def)}`, `**Standard heading**: ${standardHeading(section.def)}`)];
      if (section.wording !== 'standard')
        lines.push('', say(locale, `此处写法：${section.heading.text}`, `Written here: ${section.heading.text}`));
      return { markdown: lines.join('\n'), cell: { text: section.heading.text, span: section.heading.textSpan, value: { kind: 'text' } } };
    }
    for (const table of section.tables) {
      if (!contains(table.span, offset)) continue;
      const cell = table.rows.flatMap((r) => r.values).find((c) => !c.missing && contains(c.span, offset));
      const relations = cell ? relationsOf(table, cell) : [];
      if (cell && relations.length) return { markdown: relations.map((r) => formula(r, locale)).join('\n\n---\n\n'), cell };
      for (const header of table.headerLabels) {
        if (!contains(header.cell.span, offset)) continue;
        const column = header.column.group ? `${header.column.group} · ${header.column.label}` : header.column.label;
        const lines = [say(locale, `**标准列**：${column}`, `**Standard column**: ${column}`), '', editionLine(table, locale)];
        return { markdown: lines.join('\n'), cell: header.cell };
      }
      for (const row of table.rows) {
        if (!row.def || !contains(row.span, offset)) continue;
        const cell = row.labels.find((c) => contains(c.span, offset));
        if (cell) return { markdown: rowHover(table, row, cell, locale), cell };
      }
    }
  }
  return undefined;
}

/** Hover on a value cell: the formula, terms and computed value of each relation it is in; on a label: the standard wording and edition. */
export function hover(analysis: Analysis, position: Position): Hover | null {
  const found = hoverAt(analysis, analysis.document.offsetAt(position));
  if (!found) return null;
  return { contents: { kind: 'markdown', value: found.markdown }, range: rangeOf(analysis.document, found.cell.span) };
}
