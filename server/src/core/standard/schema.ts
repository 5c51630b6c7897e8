import * as z from 'zod/mini';

/** How a value column is read: counts are whole and non-negative, signed counts may be negative, money is 万元. */
export const columnKind = z.enum(['count', 'signedCount', 'money']);
export type ColumnKind = z.infer<typeof columnKind>;

/** An edition is named by the year of its circular (`2019`, `2021`); the list of editions is data (editions.ts). */
export const editionId = z.string().check(z.regex(/^\d{4}$/));
export type EditionId = z.infer<typeof editionId>;

export const sectionId = z.enum(['overview', 'proactive', 'requests', 'appeals', 'problems', 'other']);
export type SectionId = z.infer<typeof sectionId>;

const label = z.string().check(z.minLength(1));

/** Ids are shared across editions where a row or column holds the same figure (the edition fix carries it over). */
export const columnDef = z.object({
  id: z.string().check(z.minLength(1)),
  label,
  /** The group heading above the column in the official table (法人或其他组织, 行政诉讼 · 复议后起诉). */
  group: z.optional(z.string()),
  kind: columnKind,
  /** Other wordings seen in real reports; each one is reported by `label-wording`. */
  variants: z._default(z.array(label), []),
});
export type ColumnDef = z.infer<typeof columnDef>;

export const rowDef = z.object({
  id: z.string().check(z.minLength(1)),
  /** Numbering as the official table writes it: `一、`, `（三）`, `1.`; empty for an unnumbered row. */
  number: z.string(),
  label: z.string(),
  /** Labels of the enclosing groups, outermost first (`三、本年度办理结果`, `（三）不予公开`). */
  parents: z._default(z.array(label), []),
  variants: z._default(z.array(label), []),
});
export type RowDef = z.infer<typeof rowDef>;

/** The rules that report the sums the standard requires, one per kind of relation. */
export const ARITHMETIC_RULE_IDS = ['row-total', 'results-total', 'balance', 'review-total'] as const;

/** A sum the standard requires; `rule` is the id of the rule that reports it. */
export const relationDef = z.object({
  rule: z.enum(ARITHMETIC_RULE_IDS),
  /** `row`: within each row, over columns; `column`: within each column, over rows. */
  axis: z.enum(['row', 'column']),
  /** The cell (column id for axis row, row id for axis column) where a mismatch is reported. */
  total: z.string(),
  terms: z.array(z.string()).check(z.minLength(1)),
  /** Terms on the side of the total (balance: 一 + 二 = （七） + 四, so （七） stands beside 四). */
  totalSide: z._default(z.array(z.string()), []),
  /** For axis row: restrict to these rows; default every row. For axis column: restrict to these columns. */
  only: z.optional(z.array(z.string())),
});
export type RelationDef = z.infer<typeof relationDef>;

export const tableDef = z.object({
  id: z.string().check(z.minLength(1)),
  section: sectionId,
  /** The item of Article 20 a Section 二 table reports (`第二十条第（一）项`). */
  item: z.optional(z.string()),
  /** How messages name the table (`第三部分表格` / `Section 三 table`). */
  name: z.object({ zh: label, en: label }),
  /** The first header cell (`信息内容`, or the 勾稽关系 note of Section 三). */
  corner: z.string(),
  /** A word that marks the corner cell however it is worded (`勾稽关系`). */
  cornerMark: z.optional(label),
  /** The most header rows the table may have (groups above the column labels). */
  headerRows: z.number().check(z.int(), z.minimum(1), z.maximum(3)),
  /** Headings above all value columns that name no column (`申请人情况`). */
  headerGroups: z._default(z.array(label), []),
  /** The official header writes the column groups as rows of their own above the labels (Section 四). */
  stackedHeader: z._default(z.boolean(), false),
  /** Label columns the canonical markdown table uses before the value columns. */
  labelColumns: z.number().check(z.int(), z.minimum(0), z.maximum(3)),
  columns: z.array(columnDef).check(z.minLength(1)),
  rows: z.array(rowDef).check(z.minLength(1)),
  relations: z._default(z.array(relationDef), []),
});
export type TableDef = z.infer<typeof tableDef>;

export const editionDef = z.object({
  id: editionId,
  document: z.string(),
  firstYear: z.number().check(z.int()),
  /** What Section 六 must mention: the format asks it to state the 信息处理费 charged (absent: nothing asked). */
  feeStatement: z.optional(label),
  tables: z.array(tableDef).check(z.minLength(1)),
});
export type EditionDef = z.infer<typeof editionDef>;

export const sectionDef = z.object({
  id: sectionId,
  numeral: z.string().check(z.length(1)),
  title: label,
  variants: z._default(z.array(label), []),
});
export type SectionDef = z.infer<typeof sectionDef>;
