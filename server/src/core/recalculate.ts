/**
 * 重新计算合计: every total of the standard tables set to the sum of its parts, where the parts say for certain what
 * it is. The drafter asks for it after filling in the figures, so the parts are taken as written and only totals
 * change; a total stays as it is wherever that would guess (a part blank, unreadable or placed ambiguously) or would
 * overrule other evidence (the total is also a part of a sum that holds with its current figure: then a part may
 * be what is wrong, and the checks say so).
 */
import type { Cell, Message, Report, Row, Span, Table, TextEdit } from './model';
import { allTables, fillCell, formatNumber, msg, quote, replace } from './rules/util';
import { type ColumnDef, type RelationDef, type RowDef, tablesOf, isEdition } from './standard';
import { columnIndex, findRow, misshapen } from './tables';

/** Why a figure cannot be used as a part: blank, absent, not a number, in a row whose figures do not fit, or a figure its column does not allow. */
export type PartProblem = 'blank' | 'missing' | 'unreadable' | 'ambiguous' | 'invalid';

/** Why a total was left as it is. */
export type LeftReason =
  | PartProblem
  /** The total's own row has figures that do not fit the columns: which one is the total is unknown. */
  | 'total-ambiguous'
  /** Its parts give different sums by different relations (a row and a column). */
  | 'disagree'
  /** It is a part of another sum that holds with its current figure. */
  | 'conflict'
  /** The table could not be read into cells. */
  | 'table-unread';

export interface TotalChange {
  table: string;
  span: Span;
  /** `“（一）予以公开”行“总计”列`. */
  place: Message;
  /** The figure written (undefined where the cell was blank or not a number). */
  found?: number;
  value: number;
  edit: TextEdit;
}

export interface TotalLeft {
  table: string;
  span: Span;
  place: Message;
  reason: LeftReason;
  /** Why, naming the cell that stands in the way. */
  message: Message;
}

export interface Recalculation {
  changes: TotalChange[];
  left: TotalLeft[];
  /** The edits of every change, in the order of the text. */
  edits: TextEdit[];
}

interface Slot {
  row?: Row;
  cell?: Cell;
  column: ColumnDef;
}

interface Instance {
  relation: RelationDef;
  total: Slot;
  parts: Slot[];
  signs: number[];
}

type Reading = { value: number } | { problem: PartProblem; slot: Slot };

const EPSILON = 0.005;
const round = (n: number) => Math.round(n * 100) / 100;
const same = (a: number | undefined, b: number | undefined) => a !== undefined && b !== undefined && Math.abs(a - b) < EPSILON;

/** A relation with terms on the side of its total (the balance 一 + 二 = （七） + 四) equates counts: it is no sum. */
const isSum = (relation: RelationDef) => relation.totalSide.length === 0;

function allowed(column: ColumnDef, value: number): boolean {
  const whole = Math.abs(value - Math.round(value)) < 1e-9;
  if (column.kind === 'money') return value >= 0;
  return column.kind === 'signedCount' ? whole : whole && value >= 0;
}

function read(table: Table, slot: Slot): Reading {
  const { row, cell } = slot;
  if (!row) return { problem: 'missing', slot };
  if (misshapen(table, row)) return { problem: 'ambiguous', slot };
  if (!cell || cell.missing) return { problem: 'missing', slot };
  if (cell.value.kind === 'text') return { problem: 'unreadable', slot };
  if (cell.value.kind === 'blank') return { problem: 'blank', slot };
  return allowed(slot.column, cell.value.value) ? { value: cell.value.value } : { problem: 'invalid', slot };
}

/** Every place a relation of the standard applies in a table, with the row and column of each cell. */
function instancesOf(table: Table): Instance[] {
  const { columns } = table.def;
  const instances: Instance[] = [];
  for (const relation of table.def.relations) {
    if (relation.axis === 'row') {
      const total = columnIndex(table, relation.total);
      const terms = relation.terms.map((id) => columnIndex(table, id));
      for (const row of table.rows) {
        if (!row.def || (relation.only && !relation.only.includes(row.def.id))) continue;
        instances.push({
          relation,
          total: { row, cell: row.values[total], column: columns[total] },
          parts: terms.map((i) => ({ row, cell: row.values[i], column: columns[i] })),
          signs: terms.map(() => 1),
        });
      }
    } else {
      const totalRow = findRow(table, relation.total);
      const termRows = [...relation.terms, ...relation.totalSide].map((id) => findRow(table, id));
      const signs = [...relation.terms.map(() => 1), ...relation.totalSide.map(() => -1)];
      columns.forEach((column, c) => {
        if (relation.only && !relation.only.includes(column.id)) return;
        instances.push({
          relation,
          total: { row: totalRow, cell: totalRow?.values[c], column },
          parts: termRows.map((row) => ({ row, cell: row?.values[c], column })),
          signs,
        });
      });
    }
  }
  return instances;
}

/** 部分公开（区分处理的，只计这一情形，不计其他情形） is named without its note. */
const rowLabel = (def: RowDef | undefined) => (def ? `${def.number}${def.label}`.replace(/（[^（）]*）$/, '') : '');

/** `“（一）予以公开”行“总计”列`, or `“行政复议 · 总计”` in a table of one unlabelled row. */
function placeOf(slot: Slot): Message {
  const row = rowLabel(slot.row?.def);
  const column = slot.column.group && !row ? `${slot.column.group} · ${slot.column.label}` : slot.column.label;
  if (!row) return msg(quote(column), quote(column));
  return msg(`${quote(row)}行${quote(column)}列`, `row ${quote(row)}, column ${quote(column)}`);
}

function partMessage(table: Table, instance: Instance, reading: Extract<Reading, { problem: string }>): Message {
  const i = instance.parts.indexOf(reading.slot);
  const { zh, en } = placeOf(reading.slot);
  switch (reading.problem) {
    case 'blank':
      return msg(`${zh}为空，合计无从确定`, `${en} is blank, so the total cannot be told`);
    case 'missing': {
      if (reading.slot.row) return msg(`${zh}没有数值`, `${en} has no figure`);
      // Only a column relation reaches a row the table lacks: the relation names it.
      const ids = [...instance.relation.terms, ...instance.relation.totalSide];
      const name = quote(rowLabel(table.def.rows.find((r) => r.id === ids[i])));
      return msg(`表中缺少${name}行`, `the table lacks row ${name}`);
    }
    case 'unreadable':
      return msg(`${zh}不是数字`, `${en} is not a number`);
    case 'ambiguous':
      return msg(
        `${quote(rowLabel(reading.slot.row?.def))}行的数值个数与列数不符，无法确定各数属于哪一列`,
        `the row of ${en} has a figure count unlike its columns: which figure is whose is unknown`,
      );
    case 'invalid':
      return msg(`${zh}不是本列允许的数（负数或小数）`, `${en} is not a figure its column allows (negative or fractional)`);
  }
}

interface Resolved {
  /** The figure the total ends with (undefined: none can be said). */
  value?: number;
  /** Why it was not computed from its parts. */
  left?: { reason: LeftReason; message: Message };
}

/** The relation a held figure belongs to: a sum, or the balance a column states. */
function relationName(instance: Instance): Message {
  if (isSum(instance.relation)) {
    const { zh, en } = placeOf(instance.total);
    return msg(`${zh}的合计`, `the sum of ${en}`);
  }
  const column = quote(instance.total.column.label);
  return msg(`${column}列的勾稽关系`, `the balance of column ${column}`);
}

/** One table: the figure each total ends with, given the totals held at their figure (`frozen`). */
function resolveTable(table: Table, instances: Instance[], frozen: Map<Cell, Instance>): Map<Cell, Resolved> {
  const byTotal = new Map<Cell, Instance[]>();
  for (const instance of instances) {
    const cell = instance.total.cell;
    if (!isSum(instance.relation) || !cell || cell.missing || !instance.total.row) continue;
    byTotal.set(cell, [...(byTotal.get(cell) ?? []), instance]);
  }
  const resolved = new Map<Cell, Resolved>();
  const current = (instance: Instance): number | undefined => {
    const reading = read(table, instance.total);
    return 'value' in reading ? reading.value : undefined;
  };
  for (let progress = true; progress && resolved.size < byTotal.size; ) {
    progress = false;
    for (const [cell, own] of byTotal) {
      if (resolved.has(cell)) continue;
      const written = current(own[0]);
      const holder = frozen.get(cell);
      if (holder) {
        const name = relationName(holder);
        resolved.set(cell, {
          value: written,
          left: {
            reason: 'conflict',
            message: msg(
              `此格也是${name.zh}的一项，而该合计与现有数字相符：可能是某一项有误，请核对`,
              `this cell is also a part of ${name.en}, which holds with the figure as written: a part may be what is wrong`,
            ),
          },
        });
        progress = true;
        continue;
      }
      if (misshapen(table, own[0].total.row!)) {
        resolved.set(cell, {
          left: {
            reason: 'total-ambiguous',
            message: msg(
              '本行的数值个数与列数不符，无法确定哪一格是合计',
              'its row has a figure count unlike its columns: which figure is the total is unknown',
            ),
          },
        });
        progress = true;
        continue;
      }
      // A part that is itself a total is used with the figure it ends with: wait until that is known.
      const readings: Reading[][] = [];
      let waiting = false;
      for (const instance of own) {
        readings.push(
          instance.parts.map((slot) => {
            const part = slot.cell && byTotal.has(slot.cell) ? resolved.get(slot.cell) : undefined;
            if (slot.cell && byTotal.has(slot.cell) && !part) waiting = true;
            if (part) return part.value === undefined ? read(table, slot) : { value: part.value };
            return read(table, slot);
          }),
        );
      }
      if (waiting) continue;
      progress = true;
      const sums = readings.flatMap((parts, i) =>
        parts.every((p) => 'value' in p) ? [round(parts.reduce((s, p, j) => s + own[i].signs[j] * (p as { value: number }).value, 0))] : [],
      );
      if (sums.length === 0) {
        const i = readings.findIndex((parts) => parts.some((p) => 'problem' in p));
        const problem = readings[i].find((p) => 'problem' in p) as Extract<Reading, { problem: string }>;
        resolved.set(cell, { value: written, left: { reason: problem.problem, message: partMessage(table, own[i], problem) } });
      } else if (sums.some((s) => !same(s, sums[0]))) {
        const shown = [...new Set(sums.map(formatNumber))].join(' / ');
        resolved.set(cell, {
          value: written,
          left: {
            reason: 'disagree',
            message: msg(`按行和按列相加得数不同（${shown}），无法确定合计`, `its row and its column add up differently (${shown})`),
          },
        });
      } else if (!allowed(own[0].total.column, sums[0])) {
        resolved.set(cell, {
          value: written,
          left: {
            reason: 'invalid',
            message: msg(
              `各项相加得 ${formatNumber(sums[0])}，不是本列允许的数`,
              `its parts add up to ${formatNumber(sums[0])}, which its column does not allow`,
            ),
          },
        });
      } else resolved.set(cell, { value: sums[0] });
    }
  }
  // Totals that depend on each other in a circle (no standard table has one) are left as written.
  for (const [cell, own] of byTotal) {
    if (!resolved.has(cell))
      resolved.set(cell, {
        value: current(own[0]),
        left: { reason: 'disagree', message: msg('合计互相依赖，无法确定', 'the totals depend on each other') },
      });
  }
  return resolved;
}

/** Whether a relation holds with the figures given for its cells (undefined: a cell has no figure). */
function holds(instance: Instance, figure: (slot: Slot) => number | undefined): boolean | undefined {
  const total = figure(instance.total);
  const parts = instance.parts.map(figure);
  if (total === undefined || parts.includes(undefined)) return undefined;
  return same(total, round(parts.reduce((s: number, v, i) => s + instance.signs[i] * v!, 0)));
}

function recalculateTable(table: Table, name: string): { changes: TotalChange[]; left: TotalLeft[] } {
  const instances = instancesOf(table);
  const written = (slot: Slot) => {
    const reading = read(table, slot);
    return 'value' in reading ? reading.value : undefined;
  };
  // As the checks read a table: a blank counts as 0, so a sum they find holding is one this must not break.
  const asChecked = (slot: Slot) => {
    const reading = read(table, slot);
    return 'value' in reading ? reading.value : reading.problem === 'blank' ? 0 : undefined;
  };
  const frozen = new Map<Cell, Instance>();
  let resolved = resolveTable(table, instances, frozen);
  const changed = (cell: Cell | undefined) => {
    const r = cell && resolved.get(cell);
    return r?.value !== undefined && !same(r.value, cell!.value.kind === 'number' ? cell!.value.value : undefined);
  };
  // A sum that holds as written is evidence for each of its figures: a change that would break it is not made.
  for (let more = true; more; ) {
    more = false;
    const after = (slot: Slot) => (changed(slot.cell) ? resolved.get(slot.cell!)!.value : asChecked(slot));
    for (const instance of instances) {
      if (!holds(instance, asChecked) || holds(instance, after)) continue;
      for (const slot of [instance.total, ...instance.parts]) {
        if (changed(slot.cell) && !frozen.has(slot.cell!)) {
          frozen.set(slot.cell!, instance);
          more = true;
        }
      }
    }
    if (more) resolved = resolveTable(table, instances, frozen);
  }
  const changes: TotalChange[] = [];
  const left: TotalLeft[] = [];
  const after = (slot: Slot) => (slot.cell && resolved.has(slot.cell) ? resolved.get(slot.cell)!.value : written(slot));
  const seen = new Set<Cell>();
  for (const instance of instances) {
    const cell = instance.total.cell;
    if (!cell || seen.has(cell) || !resolved.has(cell)) continue;
    seen.add(cell);
    const result = resolved.get(cell)!;
    const place = placeOf(instance.total);
    if (changed(cell)) {
      const value = result.value!;
      const text = formatNumber(value);
      const found = cell.value.kind === 'number' ? cell.value.value : undefined;
      changes.push({
        table: name,
        span: cell.span,
        place,
        found,
        value,
        edit: cell.value.kind === 'blank' ? fillCell(cell, text) : replace(cell.span, text),
      });
      continue;
    }
    const own = instances.filter((i) => i.total.cell === cell);
    if (own.every((i) => holds(i, after)) || !result.left) continue;
    left.push({ table: name, span: cell.span, place, reason: result.left.reason, message: result.left.message });
  }
  return { changes, left };
}

/**
 * 重新计算合计 for a whole report (or the tables `within` a span touches): what changes, with its edits, and every
 * total left as it is that does not hold, with why.
 */
export function recalculateTotals(report: Report, within?: Span): Recalculation {
  const touches = (span: Span) => !within || (span.start <= within.end && within.start <= span.end);
  const changes: TotalChange[] = [];
  const left: TotalLeft[] = [];
  for (const table of allTables(report)) {
    if (!touches(table.span) || !table.def.relations.some(isSum)) continue;
    const done = recalculateTable(table, table.def.name.zh);
    changes.push(...done.changes);
    left.push(...done.left);
  }
  // A table of sums that could not be read has no cells to compute.
  if (isEdition(report.edition)) {
    for (const section of report.sections) {
      const withSums = tablesOf(report.edition, section.def.id).filter((t) => t.relations.some(isSum));
      for (const unread of withSums.length ? section.unread : []) {
        if (!touches(unread.span)) continue;
        const table = withSums[0].name;
        left.push({
          table: table.zh,
          span: unread.span,
          place: msg(table.zh, table.en),
          reason: 'table-unread',
          message: msg('表格未能读成单元格，无法计算', 'the table could not be read into cells'),
        });
      }
    }
  }
  const byText = (a: { span: Span }, b: { span: Span }) => a.span.start - b.span.start;
  changes.sort(byText);
  left.sort(byText);
  return { changes, left, edits: changes.map((c) => c.edit) };
}
