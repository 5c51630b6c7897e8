/**
 * Generated drafts for property tests, the fuzzer and the benchmark. A draft is a report of one edition with
 * random realistic figures that satisfy every relation of the standard (derived from the standard's `relations`
 * data), rendered through the core's `renderReport` and then laid out as a real draft would be: canonical markdown,
 * pipe rows without a delimiter row, a table pasted one cell per line, or a table copied out of a PDF. Errors can be
 * injected on purpose; the draft then knows the truth it injected (see `expectedFindings`).
 */
import { Converter } from 'opencc-js/cn2t';
import {
  ARITHMETIC_RULES,
  type ColumnDef,
  editionForYear,
  type EditionId,
  fullRowLabel,
  labelKey,
  otherEditions,
  type RelationDef,
  renderReport,
  type RowDef,
  SECTIONS,
  type Span,
  type TableDef,
  tablesOf,
} from '../../server/src/core';
import { AGENCIES, problemParagraph, tableIntro, workParagraph } from './prose';
import { Random } from './random';

export type Layout = 'markdown' | 'pipe' | 'cells' | 'columns';
export type LineEnds = 'lf' | 'crlf' | 'cr' | 'crcrlf' | 'mixed';
export const ODD_LINE_ENDS: readonly LineEnds[] = ['crlf', 'cr', 'crcrlf', 'mixed'];
const BREAKS: Record<Exclude<LineEnds, 'mixed'>, string> = { lf: '\n', crlf: '\r\n', cr: '\r', crcrlf: '\r\r\n' };

/** `text` (LF line ends) with the line ends asked for; in `mixed`, a lone CR never comes right before an LF (that is CR LF). */
export function withLineEnds(text: string, lineEnds: LineEnds): string {
  if (lineEnds !== 'mixed') return lineEnds === 'lf' ? text : text.replace(/\n/g, BREAKS[lineEnds]);
  const cycle = ['\r\n', '\r', '\n', '\r\r\n'];
  let i = 0;
  return text.replace(/\n/g, (_, at: number) => {
    const eol = cycle[i++ % cycle.length];
    return eol === '\r' && text[at + 1] === '\n' ? '\r\n' : eol;
  });
}

export const LAYOUTS: readonly Layout[] = ['markdown', 'pipe', 'cells', 'columns'];

export type InjectionKind =
  | 'value'
  | 'blank'
  | 'text'
  | 'swap-columns'
  | 'delete-row'
  | 'delete-section'
  | 'swap-sections'
  | 'duplicate-section'
  | 'label-typo'
  | 'wrong-edition'
  | 'truncate';
export const INJECTION_KINDS: readonly InjectionKind[] = [
  'value',
  'blank',
  'text',
  'swap-columns',
  'delete-row',
  'delete-section',
  'swap-sections',
  'duplicate-section',
  'label-typo',
  'wrong-edition',
  'truncate',
];

/** What a value cell holds as written. */
export type Written = { kind: 'number'; value: number } | { kind: 'blank' } | { kind: 'text'; recovered?: number };

/** A value cell or a row's label cell of a generated table, and where it ended up in the text. */
export interface CellRecord {
  table: TableDef;
  row: number;
  /** Index of the value column; -1 for the row's own label. */
  column: number;
  text: string;
  written: Written;
  /** Where the text is (absent where the cell was deleted or truncated away). */
  span?: Span;
  /** The cell's slot: its span widened over the spaces and tabs around it (a blank cell's span lies in it). */
  slot?: Span;
}

export type Injection =
  /** `total`: the cell is where a relation of the standard is reported (a wrong total, not a wrong term). */
  | { kind: 'value'; table: string; row: string; column: string; was: number; now: number; total: boolean }
  | { kind: 'blank'; table: string; row: string; column: string }
  | { kind: 'text'; table: string; row: string; column: string; text: string; recovered?: number }
  | { kind: 'swap-columns'; table: string; columns: [string, string] }
  | { kind: 'delete-row'; table: string; row: string }
  | { kind: 'delete-section'; section: string }
  | { kind: 'swap-sections'; sections: [string, string] }
  | { kind: 'duplicate-section'; section: string }
  /** The tables of the other edition than the report year's. */
  | { kind: 'wrong-edition'; tables: EditionId }
  | { kind: 'label-typo'; table: string; row: string; wrote: string }
  | { kind: 'truncate'; at: number };

export interface DraftOptions {
  year?: number;
  layout?: Layout;
  /** Markdown `##` headings, or plain lines as in a pasted report (default: by layout). */
  headings?: 'markdown' | 'plain';
  traditional?: boolean;
  /** Numbers as drafts write them: thousands separators, full-width digits, money with its unit. */
  noisyNumbers?: boolean;
  /** How lines end (default LF); `mixed` cycles through the others. */
  lineEnds?: LineEnds;
  /** A stray NUL at the end of some paragraphs. */
  nuls?: boolean;
  /** Paragraphs of text in each narrative section (default 2–5; a typical draft is then about 15 KB). */
  paragraphs?: number;
  /** Errors to inject, one of each kind listed (a kind may be listed more than once). */
  inject?: InjectionKind[];
}

export interface GeneratedTable {
  def: TableDef;
  /** The figures as generated, before any injection; every relation of `def` holds on them. */
  values: number[][];
}

export interface Draft {
  seed: number;
  text: string;
  /** The edition the report year calls for (its tables are the other edition's where `wrong-edition` was injected). */
  edition: EditionId;
  year: number;
  layout: Layout;
  traditional: boolean;
  tables: GeneratedTable[];
  cells: CellRecord[];
  /** Paragraphs outside the tables, as written (fixes must never lose them). */
  prose: string[];
  /** The sections in the order written (after deletions, swaps and copies). */
  sections: string[];
  injections: Injection[];
  /** False where an injection (a deleted row, a truncation) leaves the arithmetic the rules should find undefined. */
  arithmeticKnown: boolean;
}

// Relations ------------------------------------------------------------------------------------------------------

type Position = readonly [row: number, column: number];

/** One relation of the standard applied to one row or column of a table: total = Σ plus − Σ minus. */
export interface RelationInstance {
  rule: RelationDef['rule'];
  total: Position;
  plus: Position[];
  minus: Position[];
}

const instanceCache = new Map<TableDef, RelationInstance[]>();

export function relationInstances(def: TableDef): RelationInstance[] {
  const cached = instanceCache.get(def);
  if (cached) return cached;
  const rowIndex = (id: string) => def.rows.findIndex((r) => r.id === id);
  const columnIndex = (id: string) => def.columns.findIndex((c) => c.id === id);
  const out: RelationInstance[] = [];
  for (const rel of def.relations) {
    if (rel.axis === 'row') {
      def.rows.forEach((row, r) => {
        if (rel.only && !rel.only.includes(row.id)) return;
        out.push({
          rule: rel.rule,
          total: [r, columnIndex(rel.total)],
          plus: rel.terms.map((t) => [r, columnIndex(t)] as const),
          minus: rel.totalSide.map((t) => [r, columnIndex(t)] as const),
        });
      });
    } else {
      def.columns.forEach((column, c) => {
        if (rel.only && !rel.only.includes(column.id)) return;
        out.push({
          rule: rel.rule,
          total: [rowIndex(rel.total), c],
          plus: rel.terms.map((t) => [rowIndex(t), c] as const),
          minus: rel.totalSide.map((t) => [rowIndex(t), c] as const),
        });
      });
    }
  }
  for (const i of out) if ([i.total, ...i.plus, ...i.minus].some(([r, c]) => r < 0 || c < 0)) throw new Error(`bad relation in ${def.id}`);
  instanceCache.set(def, out);
  return out;
}

const key = ([r, c]: Position) => `${r},${c}`;

/** The instances whose total is the cell at `position`. */
export function instancesTotalling(def: TableDef, position: Position): RelationInstance[] {
  return relationInstances(def).filter((i) => i.total[0] === position[0] && i.total[1] === position[1]);
}

// Figures --------------------------------------------------------------------------------------------------------

function freeValue(column: ColumnDef, columnIndex: number, random: Random, scale: number): number {
  switch (column.kind) {
    case 'money':
      return random.chance(0.2) ? 0 : Math.round(random.next() * scale * 300 * 100) / 100;
    case 'signedCount':
      return random.chance(0.3) ? 0 : random.int(-scale, scale);
    default:
      // The first column (自然人 in Section 三) carries most requests; the others are mostly empty.
      return random.chance(columnIndex === 0 ? 0.3 : 0.75) ? 0 : random.skewed(columnIndex === 0 ? scale : scale / 4) + 1;
  }
}

/** Random figures for a table: free cells drawn at random, every relation's total computed, counts kept ≥ 0. */
export function tableValues(def: TableDef, random: Random): number[][] {
  const instances = relationInstances(def);
  const derived = new Set(instances.map((i) => key(i.total)));
  const scale = random.pick([5, 30, 200, 2000]);
  const values = def.rows.map((_, r) =>
    def.columns.map((column, c) => (derived.has(key([r, c])) ? NaN : freeValue(column, c, random, scale))),
  );
  const solve = () => {
    for (const i of instances) values[i.total[0]][i.total[1]] = NaN;
    const definedBy = new Map<string, RelationInstance>();
    for (let progress = true; progress; ) {
      progress = false;
      for (const i of instances) {
        const [r, c] = i.total;
        const terms = [...i.plus, ...i.minus].map(([tr, tc]) => values[tr][tc]);
        if (!Number.isNaN(values[r][c]) || terms.some(Number.isNaN)) continue;
        values[r][c] = i.plus.reduce((s, [tr, tc]) => s + values[tr][tc], 0) - i.minus.reduce((s, [tr, tc]) => s + values[tr][tc], 0);
        definedBy.set(key(i.total), i);
        progress = true;
      }
    }
    return definedBy;
  };
  for (let round = 0; ; round++) {
    const definedBy = solve();
    const negative = [...definedBy].find(([k, i]) => {
      const [r, c] = k.split(',').map(Number);
      return values[r][c] < 0 && def.columns[c].kind !== 'signedCount' && i.plus.some((p) => !derived.has(key(p)));
    });
    if (!negative) break;
    if (round > 100) throw new Error(`cannot keep the counts of ${def.id} non-negative`);
    const [k, i] = negative;
    const [r, c] = k.split(',').map(Number);
    const [fr, fc] = i.plus.find((p) => !derived.has(key(p)))!;
    values[fr][fc] += -values[r][c] + random.skewed(scale / 10);
  }
  for (const i of instances) {
    const sum = i.plus.reduce((s, [r, c]) => s + values[r][c], 0) - i.minus.reduce((s, [r, c]) => s + values[r][c], 0);
    if (Number.isNaN(sum) || sum !== values[i.total[0]][i.total[1]]) throw new Error(`relation ${i.rule} does not hold in ${def.id}`);
  }
  return values;
}

const FULL_WIDTH_DIGITS = '０１２３４５６７８９';

function numberText(value: number, column: ColumnDef, random: Random, noisy: boolean): string {
  let text = column.kind === 'money' ? value.toFixed(2).replace(/\.?0+$/, '') : String(value);
  if (!noisy) return text;
  if (Math.abs(value) >= 1000 && random.chance(0.4)) {
    const [whole, fraction] = text.split('.');
    text = whole.replace(/\B(?=(\d{3})+$)/g, ',') + (fraction ? `.${fraction}` : '');
  }
  if (random.chance(0.1)) text = text.replace(/\d/g, (d) => FULL_WIDTH_DIGITS[Number(d)]);
  if (column.kind === 'money' && random.chance(0.5)) text += '万元';
  return text;
}

// Layouts --------------------------------------------------------------------------------------------------------

const TOKEN = /\uE000(\d+)\uE001/g;
const token = (id: number) => `\uE000${id}\uE001`;
const DELIMITER = /^\|(?:\s*:?-+:?\s*\|)+\s*$/;

interface BlockRow {
  kind: 'header' | 'delimiter' | 'body';
  cells: string[];
  /** The row as the core rendered it (label token in place). */
  line: string;
  /** Index of the standard row (body rows). */
  row?: number;
}

interface Block {
  def: TableDef;
  rows: BlockRow[];
}

function cellsOf(line: string): string[] {
  return line
    .slice(1, line.endsWith('|') ? -1 : undefined)
    .split('|')
    .map((c) => c.trim());
}

function emitBlock(block: Block, layout: Layout, random: Random, records: CellRecord[]): string[] {
  const rows = block.rows;
  const isEmpty = (cell: string) => cell.replace(TOKEN, (_, id) => records[Number(id)].text) === '';
  switch (layout) {
    case 'markdown':
      return rows.map((r) => r.line);
    case 'pipe': {
      const pipe = random.chance(0.2) ? '｜' : '|';
      const leading = random.chance(0.5);
      const separator = random.pick([' | ', '|', ' |']).replace('|', pipe);
      // The trailing pipe stays: without it a blank last cell could not be told from no cell.
      // A row whose first cell is blank keeps its leading pipe: without it the blank cell would vanish.
      return rows
        .filter((r) => r.kind !== 'delimiter')
        .map((r) => `${leading || isEmpty(r.cells[0]) ? `${pipe} ` : ''}${r.cells.join(separator)}${separator.trimEnd()}`);
    }
    case 'cells': {
      const out: string[] = [];
      for (const r of rows) {
        if (r.kind === 'delimiter') continue;
        if (out.length) out.push('');
        for (const cell of r.cells) {
          // A word processor breaks a narrow header cell over lines (`自\n然\n人`).
          if (r.kind === 'header' && cell.length >= 2 && cell.length <= 6 && random.chance(0.2)) out.push(`\t${[...cell].join('\n')}`);
          else out.push(`\t${cell}`);
        }
      }
      return out;
    }
    case 'columns': {
      const out: string[] = [];
      const gap = () => ' '.repeat(random.int(2, 6));
      let body = 0;
      for (const r of rows) {
        if (r.kind === 'delimiter') continue;
        const cells = r.cells.filter((c) => !isEmpty(c));
        const first = /^\uE000(\d+)\uE001$/.exec(cells[0] ?? '');
        const label = first && records[Number(first[1])];
        // Not the first row: the parser takes a table copied from a PDF to start at its first line of figures.
        if (r.kind === 'body' && body++ > 0 && label && label.column === -1 && label.text.length > 12 && random.chance(0.3)) {
          // A label wrapped onto a line of its own, the rest of it beside the figures.
          const cut = random.int(4, 8);
          out.push(label.text.slice(0, cut));
          label.text = label.text.slice(cut);
        }
        out.push(cells.join(gap()));
        if (r.kind === 'body' && random.chance(0.05)) out.push('', `-${random.int(2, 30)}-`, '');
      }
      return out;
    }
  }
}

// Injections -----------------------------------------------------------------------------------------------------

const TYPO_CHARS =
  '的了和是在有人这中大为上个国我以要他时来用们生到作地于出就分对成会可主发年动同工也能下过子说产种面而方后多定行学法所民得经';
const CELL_TEXTS = (value: number): { text: string; recovered?: number }[] => [
  { text: `[bookmark: _GoBack]${value}`, recovered: value },
  { text: `{.mark}${value}`, recovered: value },
  { text: '二十' },
  { text: '/' },
];

function valueRecords(records: CellRecord[], def?: TableDef): CellRecord[] {
  return records.filter((r) => r.column >= 0 && (!def || r.table === def));
}

function ids(rec: CellRecord) {
  return { table: rec.table.id, row: rec.table.rows[rec.row].id, column: rec.table.columns[rec.column].id };
}

/** Tables with relations, by their figures' cells. */
function relationRecords(records: CellRecord[]): CellRecord[] {
  return valueRecords(records).filter((r) => r.table.relations.length > 0);
}

// The draft ------------------------------------------------------------------------------------------------------

const converters = new Map<string, (text: string) => string>();
/** Simplified → Traditional in one of its regional forms (building a converter is slow: one each, kept). */
function traditionalConverter(random: Random): (text: string) => string {
  const to = random.pick(['tw', 'hk', 't'] as const);
  let convert = converters.get(to);
  if (!convert) converters.set(to, (convert = Converter({ from: 'cn', to })));
  return convert;
}

/** A draft with the figures, layout and errors drawn from `seed` (options fix any of them). */
export function generateDraft(seed: number, options: DraftOptions = {}): Draft {
  const random = new Random(seed);
  const year = options.year ?? random.int(2019, 2025);
  const edition = editionForYear(year) as EditionId;
  const layout = options.layout ?? random.pick(LAYOUTS);
  const traditional = options.traditional ?? false;
  const noisy = options.noisyNumbers ?? false;
  const agency = random.pick(AGENCIES);
  const headingStyle = options.headings ?? (layout === 'markdown' ? 'markdown' : 'plain');

  const tableEdition = options.inject?.includes('wrong-edition') ? otherEditions(edition)[0] : edition;
  const defs = tablesOf(tableEdition);
  const tables: GeneratedTable[] = defs.map((def) => ({ def, values: tableValues(def, random.fork()) }));
  const tableOfRow = new Map<RowDef, GeneratedTable>();
  for (const t of tables) for (const row of t.def.rows) tableOfRow.set(row, t);

  const records: CellRecord[] = [];
  const numbers = random.fork();
  const rendered = renderReport(tableEdition, year, agency, (row, column, r, c) => {
    const table = tableOfRow.get(row)!;
    const value = table.values[r][c];
    records.push({
      table: table.def,
      row: r,
      column: c,
      text: numberText(value, column, numbers, noisy),
      written: { kind: 'number', value },
    });
    return token(records.length - 1);
  });

  // Split the rendered report into lines, with each table as a block of rows.
  const lines: (string | Block)[] = [];
  for (const line of rendered.split('\n')) {
    if (!line.startsWith('|')) {
      lines.push(line);
      continue;
    }
    const cells = cellsOf(line);
    const tokens = [...line.matchAll(TOKEN)].map((m) => Number(m[1]));
    let block = lines[lines.length - 1];
    if (typeof block === 'string') lines.push((block = { def: undefined as unknown as TableDef, rows: [] }));
    if (DELIMITER.test(line)) {
      block.rows.push({ kind: 'delimiter', cells, line });
    } else if (tokens.length) {
      const first = records[tokens[0]];
      block.def = first.table;
      const label = fullRowLabel(first.table.rows[first.row]);
      const at = label ? cells.indexOf(label) : -1;
      let withLabel = line;
      if (at >= 0) {
        records.push({ table: first.table, row: first.row, column: -1, text: label, written: { kind: 'text' } });
        cells[at] = token(records.length - 1);
        withLabel = line.replace(`| ${label} |`, `| ${cells[at]} |`);
      }
      block.rows.push({ kind: 'body', cells, line: withLabel, row: first.row });
    } else {
      block.rows.push({ kind: 'header', cells, line });
    }
  }
  const blocks = lines.filter((l): l is Block => typeof l !== 'string');

  // Inject the errors asked for.
  const injections: Injection[] = [];
  let arithmeticKnown = true;
  let truncateAt: number | undefined;
  const deletedSections: string[] = [];
  const injector = random.fork();
  for (const kind of options.inject ?? []) {
    switch (kind) {
      case 'value': {
        const rec = injector.pick(relationRecords(records).filter((r) => r.written.kind === 'number'));
        if (rec?.written.kind !== 'number') break;
        const was = rec.written.value;
        const now = Math.max(0, was + (injector.chance(0.5) || was === 0 ? 1 : -1) * injector.int(1, 30));
        if (now === was) break;
        rec.written = { kind: 'number', value: now };
        rec.text = numberText(now, rec.table.columns[rec.column], injector, noisy);
        injections.push({ kind, ...ids(rec), was, now, total: instancesTotalling(rec.table, [rec.row, rec.column]).length > 0 });
        break;
      }
      case 'blank': {
        if (layout === 'columns') break; // a PDF drops blank cells: the row's figures shift, nothing to know
        // A blank total of two relations stands for a computed value only one of them defines: not injected.
        const rec = injector.pick(
          valueRecords(records).filter((r) => r.written.kind === 'number' && instancesTotalling(r.table, [r.row, r.column]).length <= 1),
        );
        if (!rec) break;
        rec.written = { kind: 'blank' };
        rec.text = '';
        injections.push({ kind, ...ids(rec) });
        break;
      }
      case 'text': {
        const rec = injector.pick(valueRecords(records).filter((r) => r.written.kind === 'number'));
        if (rec?.written.kind !== 'number') break;
        const { text, recovered } = injector.pick(CELL_TEXTS(rec.written.value));
        rec.written = { kind: 'text', recovered };
        rec.text = text;
        injections.push({ kind, ...ids(rec), text, recovered });
        break;
      }
      case 'swap-columns': {
        const def = injector.pick(defs.filter((d) => d.columns.length >= 2));
        const a = injector.int(0, def.columns.length - 1);
        const b = (a + injector.int(1, def.columns.length - 1)) % def.columns.length;
        for (let r = 0; r < def.rows.length; r++) {
          const ra = records.find((x) => x.table === def && x.row === r && x.column === a)!;
          const rb = records.find((x) => x.table === def && x.row === r && x.column === b)!;
          [ra.text, rb.text, ra.written, rb.written] = [rb.text, ra.text, rb.written, ra.written];
        }
        injections.push({ kind, table: def.id, columns: [def.columns[a].id, def.columns[b].id] });
        break;
      }
      case 'delete-row': {
        const block = injector.pick(blocks);
        const bodies = block.rows.filter((r) => r.kind === 'body');
        if (bodies.length < 2) break;
        const victim = injector.pick(bodies);
        block.rows.splice(block.rows.indexOf(victim), 1);
        injections.push({ kind, table: block.def.id, row: block.def.rows[victim.row!].id });
        arithmeticKnown = false;
        break;
      }
      case 'delete-section': {
        const section = injector.pick(SECTIONS.filter((s) => !deletedSections.includes(s.id)));
        if (!section) break;
        deletedSections.push(section.id);
        injections.push({ kind, section: section.id });
        break;
      }
      case 'label-typo': {
        // One typo per label: two would take it past the typo allowance (an unknown row, not a typo).
        const typoed = new Set(injections.flatMap((i) => (i.kind === 'label-typo' ? [i.row] : [])));
        const candidates = records.filter(
          (r) => r.column === -1 && r.table.section === 'requests' && labelKey(r.text).length >= 6 && !typoed.has(r.table.rows[r.row].id),
        );
        const rec = injector.pick(candidates);
        if (!rec) break;
        const chars = [...rec.text];
        const numbering = chars.length - [...labelKey(rec.text)].length;
        const at = injector.int(Math.max(numbering, 1), chars.length - 1);
        const replacement = injector.pick([...TYPO_CHARS].filter((ch) => ch !== chars[at]));
        chars[at] = replacement;
        rec.text = chars.join('');
        injections.push({ kind, table: rec.table.id, row: rec.table.rows[rec.row].id, wrote: rec.text });
        break;
      }
      case 'wrong-edition':
        injections.push({ kind, tables: tableEdition });
        break;
      case 'swap-sections':
      case 'duplicate-section':
        break; // done once the sections are laid out
      case 'truncate':
        truncateAt = injector.next();
        arithmeticKnown = false;
        break;
    }
  }

  // Lay the document out, one chunk per section (the title and the period sentence before them).
  const layoutRandom = random.fork();
  const chunks: { section?: string; lines: string[]; prose: string[] }[] = [{ lines: [], prose: [] }];
  let chunk = chunks[0];
  const convert = traditional ? traditionalConverter(random.fork()) : undefined;
  const proseRandom = random.fork();
  const paragraphs = () => options.paragraphs ?? proseRandom.int(2, 5);
  for (const item of lines) {
    if (typeof item !== 'string') {
      chunk.lines.push(...emitBlock(item, layout, layoutRandom, records));
      continue;
    }
    const heading = /^(#+) (.*)$/.exec(item);
    const sectionDef = heading && SECTIONS.find((s) => heading[2].startsWith(`${s.numeral}、`));
    if (sectionDef) chunks.push((chunk = { section: sectionDef.id, lines: [], prose: [] }));
    if (heading) {
      chunk.lines.push(headingStyle === 'plain' ? heading[2] : item);
      if (sectionDef && ['proactive', 'requests', 'appeals'].includes(sectionDef.id) && proseRandom.chance(0.5)) {
        const intro = tableIntro(sectionDef.id as 'proactive');
        chunk.prose.push(intro);
        chunk.lines.push('', intro);
      }
    } else if (item === '（正文）') {
      const count = paragraphs();
      for (let i = 0; i < count; i++) {
        const written = chunk.section === 'problems' ? problemParagraph(proseRandom) : workParagraph(proseRandom, year, agency);
        const paragraph = options.nuls && proseRandom.chance(0.3) ? `${written}\0` : written;
        chunk.prose.push(paragraph);
        chunk.lines.push(...(i ? ['', paragraph] : [paragraph]));
      }
    } else {
      chunk.lines.push(item);
    }
  }
  let arranged = chunks.filter((c) => !c.section || !deletedSections.includes(c.section));
  for (const kind of options.inject ?? []) {
    const sections = arranged.filter((c) => c.section);
    const pairs = sections.slice(0, -1).filter((c, i) => c.section !== sections[i + 1].section);
    if (kind === 'swap-sections' && pairs.length) {
      const at = arranged.indexOf(injector.pick(pairs));
      [arranged[at], arranged[at + 1]] = [arranged[at + 1], arranged[at]];
      injections.push({ kind, sections: [arranged[at + 1].section!, arranged[at].section!] });
    } else if (kind === 'duplicate-section') {
      // Only a section without tables: a table's cells must stay one place each.
      const copy = injector.pick(sections.filter((c) => !['proactive', 'requests', 'appeals'].includes(c.section!)));
      if (!copy) continue;
      arranged = [...arranged];
      arranged.splice(arranged.indexOf(copy) + 1, 0, copy);
      injections.push({ kind, section: copy.section! });
    }
  }
  const prose = arranged.flatMap((c) => c.prose);
  const out = arranged.flatMap((c, i) => (i && c.lines[0] !== '' ? ['', ...c.lines] : c.lines));
  let text = out.join('\n');
  if (convert) {
    text = convert(text);
    for (const rec of records) if (rec.column === -1) rec.text = convert(rec.text);
    for (let i = 0; i < prose.length; i++) prose[i] = convert(prose[i]);
  }
  if (options.lineEnds) text = withLineEnds(text, options.lineEnds);

  // Put the cells in, noting where each one lands.
  let final = '';
  let from = 0;
  for (const m of text.matchAll(TOKEN)) {
    final += text.slice(from, m.index);
    const rec = records[Number(m[1])];
    rec.span = { start: final.length, end: final.length + rec.text.length };
    final += rec.text;
    from = m.index + m[0].length;
  }
  final += text.slice(from);
  for (const rec of records) {
    if (!rec.span) continue;
    let { start, end } = rec.span;
    while (start > 0 && (final[start - 1] === ' ' || final[start - 1] === '\t')) start--;
    while (end < final.length && (final[end] === ' ' || final[end] === '\t')) end++;
    rec.slot = { start, end };
  }
  if (truncateAt !== undefined) {
    const at = Math.floor(truncateAt * final.length);
    final = final.slice(0, at);
    injections.push({ kind: 'truncate', at });
    for (const rec of records) if (rec.span && rec.span.end > at) rec.span = rec.slot = undefined;
    let cursor = 0;
    const kept = prose.filter((p) => {
      const found = final.indexOf(p, cursor);
      if (found >= 0) cursor = found + p.length;
      return found >= 0;
    });
    prose.splice(0, prose.length, ...kept);
  }

  const sections = arranged.flatMap((c) => (c.section ? [c.section] : []));
  return { seed, text: final, edition, year, layout, traditional, tables, cells: records, prose, sections, injections, arithmeticKnown };
}

/** Options drawn at random, for the fuzzer: any layout, noise and a few errors. */
export function randomOptions(random: Random): DraftOptions {
  const inject: InjectionKind[] = [];
  const errors = random.pick([0, 0, 1, 1, 2, 3]);
  for (let i = 0; i < errors; i++) inject.push(random.pick(INJECTION_KINDS));
  const options: DraftOptions = {
    layout: random.pick(LAYOUTS),
    headings: random.chance(0.2) ? random.pick(['markdown', 'plain'] as const) : undefined,
    traditional: random.chance(0.15),
    noisyNumbers: random.chance(0.3),
    lineEnds: random.chance(0.1) ? 'crlf' : undefined,
    paragraphs: random.int(0, 4),
    inject,
  };
  // Drawn last, so that the options above stay what they were for each seed.
  if (options.lineEnds) options.lineEnds = random.pick(ODD_LINE_ENDS);
  options.nuls = random.chance(0.1);
  return options;
}

// The truth ------------------------------------------------------------------------------------------------------

/** A finding the checker must report. `match`: how its span must relate to `span`. */
export interface ExpectedFinding {
  rule: string;
  span: Span;
  match: 'exact' | 'within' | 'overlaps';
  /** The table it is about, where there is one. */
  table?: string;
  expected?: number;
  actual?: number;
  /**
   * Arithmetic: the slots of the cells error localization may blame instead of the total (rules.md): the one cell
   * written wrong where the table has one, else every value cell of the table. Absent in older saved truths.
   */
  cells?: Span[];
}

export { ARITHMETIC_RULES };

function recordAt(draft: Draft, def: TableDef, [row, column]: Position): CellRecord | undefined {
  return draft.cells.find((c) => c.table === def && c.row === row && c.column === column && c.span);
}

/**
 * The arithmetic findings of rules.md for the figures as written: every relation instance that fails, with the
 * value expected at its total cell. Blank cells count as 0, a blank total is not compared and stands for its
 * computed value where it is a term of another relation, a relation with a text term is skipped.
 */
/** A blank total of two relations (moved there by a column swap) stands for a value rules.md does not define. */
function arithmeticUndefined(draft: Draft, def: TableDef): boolean {
  return relationInstances(def).some(
    (i) => recordAt(draft, def, i.total)?.written.kind === 'blank' && instancesTotalling(def, i.total).length > 1,
  );
}

/** The value cells of a table whose figure, as written, differs from the one generated (blank counting as 0). */
export function wrongCells(draft: Draft, def: TableDef): CellRecord[] {
  const generated = draft.tables.find((t) => t.def === def)!.values;
  return draft.cells.filter((c) => {
    if (c.table !== def || c.column < 0 || !c.span) return false;
    const value = c.written.kind === 'number' ? c.written.value : c.written.kind === 'blank' ? 0 : undefined;
    return value !== undefined && value !== generated[c.row][c.column];
  });
}

/** Where an arithmetic finding of a table may sit besides its total: the one wrong cell, or any value cell. */
function blameable(draft: Draft, def: TableDef): Span[] {
  const wrong = wrongCells(draft, def);
  const cells = wrong.length === 1 ? wrong : draft.cells.filter((c) => c.table === def && c.column >= 0 && c.slot);
  return cells.map((c) => c.slot!);
}

export function expectedArithmetic(draft: Draft): ExpectedFinding[] {
  const out: ExpectedFinding[] = [];
  for (const { def } of draft.tables) {
    const instances = relationInstances(def);
    if (instances.some((i) => [i.total, ...i.plus, ...i.minus].some((p) => !recordAt(draft, def, p)))) continue;
    const written = (p: Position) => recordAt(draft, def, p)!.written;
    if (arithmeticUndefined(draft, def)) continue;
    // The value a term stands for; undefined where it is text (the relation is then skipped).
    const termValue = (p: Position, asTermOf: RelationInstance, depth = 0): number | undefined => {
      const w = written(p);
      if (w.kind === 'number') return w.value;
      if (w.kind === 'text' || depth > 4) return undefined;
      const definer = instancesTotalling(def, p).find((i) => i !== asTermOf);
      return definer ? sumOf(definer, depth + 1) : 0;
    };
    const sumOf = (i: RelationInstance, depth = 0): number | undefined => {
      let sum = 0;
      for (const [terms, sign] of [
        [i.plus, 1],
        [i.minus, -1],
      ] as const) {
        for (const p of terms) {
          const v = termValue(p, i, depth);
          if (v === undefined) return undefined;
          sum += sign * v;
        }
      }
      return sum;
    };
    const cells = blameable(draft, def);
    for (const i of instances) {
      const total = written(i.total);
      if (total.kind !== 'number') continue;
      const expected = sumOf(i);
      if (expected === undefined || expected === total.value) continue;
      out.push({
        rule: i.rule,
        span: recordAt(draft, def, i.total)!.span!,
        match: 'exact',
        table: def.id,
        expected,
        actual: total.value,
        cells,
      });
    }
  }
  return out;
}

/** Every finding the injected errors and the layout call for (arithmetic included where it is known). */
export function expectedFindings(draft: Draft): ExpectedFinding[] {
  const out = draft.arithmeticKnown ? expectedArithmetic(draft) : [];
  const truncated = draft.injections.some((i) => i.kind === 'truncate');
  const find = (table: string, row: string, column?: string) =>
    draft.cells.find(
      (c) =>
        c.span &&
        c.table.id === table &&
        c.table.rows[c.row].id === row &&
        (column === undefined ? c.column === -1 : c.column >= 0 && c.table.columns[c.column].id === column),
    );
  // The sections as arranged: each standard one once, in order.
  if (!truncated) {
    const whole = { start: 0, end: draft.text.length };
    const order: string[] = SECTIONS.map((d) => d.id);
    const firsts = draft.sections.filter((id, i) => draft.sections.indexOf(id) === i);
    if (firsts.some((id, i) => i > 0 && order.indexOf(id) < order.indexOf(firsts[i - 1])))
      out.push({ rule: 'section-order', span: whole, match: 'within' });
    if (firsts.length < draft.sections.length) out.push({ rule: 'section-duplicate', span: whole, match: 'within' });
    if (firsts.length < order.length) out.push({ rule: 'section-missing', span: whole, match: 'within' });
  }
  // Blank and text cells where they ended up (a column swap moves them).
  if (draft.arithmeticKnown) {
    for (const rec of draft.cells) {
      if (!rec.span || rec.column < 0) continue;
      if (rec.written.kind === 'blank') out.push({ rule: 'cell-blank', span: rec.slot!, match: 'within', table: rec.table.id });
      if (rec.written.kind === 'text') out.push({ rule: 'cell-not-number', span: rec.span, match: 'exact', table: rec.table.id });
    }
  }
  for (const injection of draft.injections) {
    switch (injection.kind) {
      case 'label-typo': {
        const rec = find(injection.table, injection.row);
        if (rec && draft.layout !== 'columns')
          out.push({ rule: 'label-wording', span: rec.span!, match: 'overlaps', table: injection.table });
        break;
      }
      case 'delete-row': {
        // A table of the wrong edition is reported as such (its fix replaces the table), not row by row.
        if (draft.injections.some((i) => i.kind === 'wrong-edition')) break;
        const others = draft.cells.filter((c) => c.span && c.table.id === injection.table);
        if (!truncated && others.length) {
          const span = { start: Math.min(...others.map((c) => c.span!.start)), end: Math.max(...others.map((c) => c.span!.end)) };
          out.push({ rule: 'row-missing', span, match: 'overlaps', table: injection.table });
        }
        break;
      }
      case 'wrong-edition': {
        // Only the tables of 二 and 三 differ between the editions (四's is the same): with both gone nothing tells.
        const deleted = new Set(draft.injections.flatMap((i) => (i.kind === 'delete-section' ? [i.section] : [])));
        if (!truncated && !(deleted.has('proactive') && deleted.has('requests'))) {
          out.push({ rule: 'edition-mismatch', span: { start: 0, end: draft.text.length }, match: 'within' });
        }
        break;
      }
    }
  }
  return out;
}

/** Whether an arithmetic finding sits where it may: its total, or a cell error localization may blame. */
export function arithmeticPlaced(expected: ExpectedFinding, span: Span, tableAt: (span: Span) => string | undefined): boolean {
  if (spanMatches(expected, span)) return true;
  if (!expected.cells) return tableAt(span) === expected.table;
  return expected.cells.some((slot) => slot.start <= span.start && span.end <= slot.end);
}

/** Whether a finding's span meets what was expected of it. */
export function spanMatches(expected: ExpectedFinding, span: Span): boolean {
  switch (expected.match) {
    case 'exact':
      return span.start === expected.span.start && span.end === expected.span.end;
    case 'within':
      return span.start >= expected.span.start && span.end <= expected.span.end;
    case 'overlaps':
      return span.start <= expected.span.end && expected.span.start <= span.end;
  }
}

/** What a draft is known to hold, in a form that can be saved beside its text (regression fixtures). */
export interface Truth {
  text: string;
  layout: Layout;
  /** How the draft was made (seed, edition, injections), for people reading a failure. */
  origin: string;
  arithmeticKnown: boolean;
  /** Exactly the arithmetic findings the draft must get (where `arithmeticKnown`), outside `arithmeticUndefinedIn`. */
  arithmetic: ExpectedFinding[];
  /** Tables whose arithmetic rules.md leaves undefined: no expectation either way. */
  arithmeticUndefinedIn: string[];
  /** Other findings it must get, among others. */
  expected: ExpectedFinding[];
  prose: string[];
  /** Every injected error is a wrong figure: after fixAll every arithmetic finding left is one localization left alone. */
  onlyWrongFigures: boolean;
  /** Where each generated table's cells lie. */
  tables: { id: string; span: Span }[];
  /** The kinds of error injected. */
  injected: InjectionKind[];
  /** Value cells written blank, and written as text. */
  blanks: { table: string; row: string; column: string }[];
  texts: { table: string; row: string; column: string }[];
}

function cellsWritten(draft: Draft, kind: Written['kind']): Truth['blanks'] {
  return draft.cells
    .filter((c) => c.span && c.column >= 0 && c.written.kind === kind)
    .map((c) => ({ table: c.table.id, row: c.table.rows[c.row].id, column: c.table.columns[c.column].id }));
}

export function truthOf(draft: Draft): Truth {
  const tables = draft.tables.flatMap(({ def }) => {
    const spans = draft.cells.filter((c) => c.table === def && c.span).map((c) => c.span!);
    return spans.length
      ? [{ id: def.id, span: { start: Math.min(...spans.map((s) => s.start)), end: Math.max(...spans.map((s) => s.end)) } }]
      : [];
  });
  return {
    text: draft.text,
    layout: draft.layout,
    origin: `seed ${draft.seed}, edition ${draft.edition} (${draft.year}), ${draft.layout}${draft.traditional ? ', Traditional' : ''}; injected: ${JSON.stringify(draft.injections)}`,
    arithmeticKnown: draft.arithmeticKnown,
    injected: draft.injections.map((i) => i.kind),
    arithmetic: draft.arithmeticKnown ? expectedArithmetic(draft) : [],
    arithmeticUndefinedIn: draft.tables.filter(({ def }) => arithmeticUndefined(draft, def)).map(({ def }) => def.id),
    expected: expectedFindings(draft).filter((e) => !ARITHMETIC_RULES.includes(e.rule)),
    prose: draft.prose,
    onlyWrongFigures: draft.injections.every((i) => i.kind === 'value'),
    tables,
    blanks: cellsWritten(draft, 'blank'),
    texts: cellsWritten(draft, 'text'),
  };
}
