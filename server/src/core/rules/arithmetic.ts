import { type Change, type Explanation, locateErrors } from '../errorLocation';
import type { Cell, Suspect, Table } from '../model';
import { type RelationResult, type Term, evaluate } from '../relations';
import type { RelationDef } from '../standard';
import { placeOf } from '../tables';
import type { Message, Rule, RuleFinding, RuleFix, TextEdit } from './types';
import { allTables, fillCell, formatNumber, msg, quote, replace } from './util';

/** Explanations listed on a finding, and named in its message. */
const MAX_SUSPECTS = 12;
const NAMED = 4;

function showTerms(terms: Term[]): string {
  const shown = terms.filter((t) => t.value !== 0);
  if (shown.length === 0) return '0';
  return shown.map((t, i) => `${i === 0 ? (t.negative ? '−' : '') : t.negative ? ' − ' : ' + '}${formatNumber(t.value)}`).join('');
}

const WHAT: Record<RelationDef['rule'], { zh: (c: string) => string; en: (c: string) => string }> = {
  'row-total': { zh: (c) => `${quote(c)}行的总计`, en: (c) => `the total of row ${quote(c)}` },
  'results-total': { zh: (c) => `${quote(c)}列的（七）总计`, en: (c) => `(七) total of column ${quote(c)}` },
  balance: { zh: (c) => `${quote(c)}列的“四、结转下年度继续办理”`, en: (c) => `row 四 (carried forward) of column ${quote(c)}` },
  'review-total': { zh: (c) => `${quote(c)}的总计`, en: (c) => `the total of ${quote(c)}` },
};

/** What the relation says and what the table holds: “…的总计应为 77（59 + 18），实为 76”. */
function relationText(r: RelationResult, actual: number): Message {
  const what = WHAT[r.relation.rule];
  const expected = formatNumber(r.expected);
  return msg(
    `${what.zh(r.context)}应为 ${expected}（${showTerms(r.terms)}），实为 ${formatNumber(actual)}`,
    `${what.en(r.context)} should be ${expected} (${showTerms(r.terms)}), found ${formatNumber(actual)}`,
  );
}

function labelsOf(table: Table, cell: Cell): { rowLabel: string; columnLabel: string } {
  const place = placeOf(table, cell);
  const rowLabel = place?.row.def?.label ?? place?.row.label?.text ?? '';
  const column = place?.column;
  const columnLabel = column ? (column.group && !rowLabel ? `${column.group} · ${column.label}` : column.label) : '';
  return { rowLabel, columnLabel };
}

/** A cell named by its row and column: “予以公开”行“自然人”列 (Section 四: “行政复议 · 结果维持”). */
function cellName(table: Table, cell: Cell): Message {
  const { columnLabel, ...labels } = labelsOf(table, cell);
  // 部分公开（区分处理的，只计这一情形，不计其他情形） is named without its note.
  const rowLabel = labels.rowLabel.replace(/（[^（）]*）$/, '');
  return rowLabel
    ? msg(`${quote(rowLabel)}行${quote(columnLabel)}列`, `row ${quote(rowLabel)}, column ${quote(columnLabel)}`)
    : msg(quote(columnLabel), quote(columnLabel));
}

function editOf(change: Change): TextEdit {
  const value = formatNumber(change.proposed);
  return change.cell.value.kind === 'blank' ? fillCell(change.cell, value) : replace(change.cell.span, value);
}

function suspectsOf(table: Table, explanations: Explanation[]): Suspect[] {
  return explanations.slice(0, MAX_SUSPECTS).map((e) => ({
    typo: e.typo,
    cells: e.changes.map((c) => ({ span: c.cell.span, ...labelsOf(table, c.cell), found: c.found, proposed: c.proposed })),
  }));
}

/** One failing relation explained by a unique smallest set of cells: the finding sits on its cell, the fix sets them. */
function explained(
  table: Table,
  r: RelationResult,
  relation: Message,
  unique: Explanation,
): Pick<RuleFinding, 'span' | 'message' | 'fixes'> {
  const inRelation = [r.cell, ...r.termCells];
  const own = unique.changes.find((c) => inRelation.includes(c.cell)) ?? unique.changes[0];
  const others = unique.changes.filter((c) => c !== own);
  const value = formatNumber(own.proposed);
  const alsoZh = others.map((c) => `，${cellName(table, c.cell).zh}应为 ${formatNumber(c.proposed)}`).join('');
  const alsoEn = others.map((c) => `, and ${cellName(table, c.cell).en} should be ${formatNumber(c.proposed)}`).join('');
  const fix: RuleFix = {
    title: msg(
      `改为 ${value}${others.map((c) => `，并将${cellName(table, c.cell).zh}改为 ${formatNumber(c.proposed)}`).join('')}`,
      `Change to ${value}${others.map((c) => `, and ${cellName(table, c.cell).en} to ${formatNumber(c.proposed)}`).join('')}`,
    ),
    edits: unique.changes.map(editOf),
  };
  return {
    span: own.cell.span,
    message: msg(
      `此格可能有误：${relation.zh}；按合计关系此格应为 ${value}${alsoZh}`,
      `This cell may be wrong: ${relation.en}; by the table’s sums it should be ${value}${alsoEn}`,
    ),
    fixes: [fix],
  };
}

/** Several equally small explanations (or none of one or two cells): the finding stays on the total, without a fix. */
function unexplained(table: Table, relation: Message, explanations: Explanation[]): Message {
  if (explanations.length === 0) {
    return msg(
      `${relation.zh}；改动一两格都不能使各项合计成立，无法确定哪些格有误`,
      `${relation.en}; no change of one or two cells makes every sum hold, so which cells are wrong cannot be told`,
    );
  }
  const named = explanations.slice(0, NAMED);
  const zh = named.map((e) => e.changes.map((c) => `${cellName(table, c.cell).zh}为 ${formatNumber(c.proposed)}`).join(' 且')).join('，或');
  const en = named
    .map((e) => e.changes.map((c) => `${cellName(table, c.cell).en} = ${formatNumber(c.proposed)}`).join(' and '))
    .join('; or ');
  const more = explanations.length - named.length;
  return msg(
    `${relation.zh}；无法确定哪一格有误，可能是${zh}${more ? `，等 ${explanations.length} 种可能` : ''}`,
    `${relation.en}; which cell is wrong cannot be told: ${en}${more ? ` (${explanations.length} possibilities)` : ''}`,
  );
}

/**
 * The findings of one arithmetic rule: one per failing relation, with its figures. Error localization decides where
 * it points and whether it has a fix: only a unique smallest explanation of the table's failing sums is fixed.
 */
export function relationFindings(table: Table, rule: RelationDef['rule']): RuleFinding[] {
  const failing = evaluate(table).filter((r) => r.relation.rule === rule && r.status === 'mismatch');
  if (failing.length === 0) return [];
  const { explanations, unique } = locateErrors(table);
  const suspects = suspectsOf(table, explanations);
  return failing.map((r) => {
    const actual = (r.cell.value as { value: number }).value;
    const relation = relationText(r, actual);
    const placed = unique
      ? explained(table, r, relation, unique)
      : { span: r.cell.span, message: unexplained(table, relation, explanations), fixes: [] };
    return { ...placed, expected: r.expected, actual, terms: r.terms.map((t) => (t.negative ? -t.value : t.value)), suspects };
  });
}

/** The four arithmetic rules differ only in which relation of the standard they report. */
export function arithmeticRule(id: RelationDef['rule'], description: Message): Rule {
  return {
    id,
    severity: 'error',
    description,
    fixDescription: msg(
      '只有一种最小改法能使本表各项合计成立时，改正那一格（或两格）',
      'Only where one smallest change makes every sum of the table hold: set that cell (or those two cells)',
    ),
    check: (report) => allTables(report).flatMap((table) => relationFindings(table, id)),
  };
}
