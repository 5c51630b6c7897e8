import type { DateMention, Heading, Period, Report, Section, Span, Table } from '../model';
import {
  type EditionId,
  type ReportEdition,
  EDITION_IDS,
  editionForYear,
  fold,
  followsFormat,
  isEdition,
  matchSection,
  SECTIONS,
  TABLE_SECTIONS,
  UNKNOWN_EDITION,
} from '../standard';
import { sectionHeadingEnd } from './headings';
import type { LineSource } from './blocks';
import { findDirectives } from './directives';
import { blockMarkdown as markdown } from './markdown';
import { lineSpan, lineStartsOf, lineText, trimSpan, withLfBreaks } from './text';
import { readSectionBody } from './section';

export interface ParseOptions {
  /** The report year, where a setting fixes it. */
  year?: number;
  /** The edition, where a setting fixes it. */
  edition?: EditionId;
}

interface BlockStructure {
  /** Markdown heading lines with their level. */
  headings: Map<number, number>;
  /** Fenced code blocks (``` or ~~~), as [first line, line after the last). */
  fences: [number, number][];
}

/** Markdown-it need not read a text without a line that opens with `#` or a code fence: it has neither. */
const MAYBE_BLOCK = /^ {0,3}(?:#|```|~~~)/m;

const SPACE = 0x20;
const TAB = 0x09;
const HASH = 0x23;

/**
 * The ATX headings of a text in which nothing can hide one, read line by line; undefined where something could (a
 * code fence anywhere, or a line opening an HTML block, a block quote, a list item or a link reference definition):
 * there markdown-it decides. Setext headings and indented code never turn a `#` line into anything else.
 */
export function plainHeadings(text: string, lineStarts: number[]): Map<number, number> | undefined {
  if (text.includes('```') || text.includes('~~~')) return undefined;
  const headings = new Map<number, number>();
  for (let n = 0; n < lineStarts.length; n++) {
    const { start, end } = lineSpan(text, lineStarts, n);
    let at = start;
    while (at < end && at - start < 3 && text.charCodeAt(at) === SPACE) at++;
    const code = text.charCodeAt(at);
    if (at >= end || code === SPACE || code === TAB) continue;
    if (code === HASH) {
      let level = 1;
      while (level <= 6 && text.charCodeAt(at + level) === HASH) level++;
      const after = at + level;
      if (level <= 6 && (after >= end || text.charCodeAt(after) === SPACE || text.charCodeAt(after) === TAB)) headings.set(n, level);
    } else if (CONTAINER_OR_BLOCK.test(text.slice(at, Math.min(end, at + 12))) && !oneLineComment(text, at, end)) {
      return undefined;
    }
  }
  return headings;
}

/** What opens a block quote, a list item, an HTML block or a link reference definition (at most 3 spaces in). */
const CONTAINER_OR_BLOCK = /^(?:[<>[]|[-+*](?:[ \t]|$)|\d{1,9}[.)](?:[ \t]|$))/;
/** A comment that closes on its own line (`<!-- govreport-disable … -->`) is a one-line HTML block: it hides nothing. */
const oneLineComment = (text: string, at: number, end: number) => text.startsWith('<!--', at) && text.slice(at + 4, end).includes('-->');

export function blockStructure(text: string, lineStarts: number[], parser: 'auto' | 'markdown-it' = 'auto'): BlockStructure {
  const fences: [number, number][] = [];
  if (!MAYBE_BLOCK.test(text)) return { headings: new Map(), fences };
  const plain = parser === 'auto' ? plainHeadings(text, lineStarts) : undefined;
  if (plain) return { headings: plain, fences };
  const headings = new Map<number, number>();
  const closed = ([first, end]: number[], markup: string) =>
    end - 1 > first &&
    lineText(text, lineStarts, end - 1)
      .trim()
      .startsWith(markup);
  for (const token of markdown.parse(withLfBreaks(text, lineStarts), {})) {
    if (!token.map) continue;
    // A heading inside a block quote or a list item is not a section heading.
    if (token.type === 'heading_open' && token.level === 0 && token.markup.startsWith('#'))
      headings.set(token.map[0], Number(token.tag.slice(1)));
    // A fence left open at the top level runs to the end of the text (markdown-it's map stops at the last line with
    // text); one inside a list item or a quote ends with it.
    else if (token.type === 'fence')
      fences.push([token.map[0], token.level > 0 || closed(token.map, token.markup) ? token.map[1] : lineStarts.length]);
  }
  return { headings, fences };
}

/**
 * The text with the inside of every fenced code block blanked out (line breaks and offsets kept): what is quoted as
 * code is never read as a heading, a table or a date, so no fix ever touches it.
 */
function withoutFencedCode(text: string, lineStarts: number[], fences: [number, number][]): string {
  if (fences.length === 0) return text;
  let out = '';
  let at = 0;
  for (const [first, end] of fences) {
    for (let n = first; n < end; n++) {
      const line = lineSpan(text, lineStarts, n);
      // Fences may nest (a fence in a list item in a quote): a line is blanked once.
      if (line.start < at) continue;
      out += text.slice(at, line.start) + ' '.repeat(line.end - line.start);
      at = line.end;
    }
  }
  return out + text.slice(at);
}

/** The spans of the fenced code blocks, whole lines with their fences. */
function fenceSpans(text: string, lineStarts: number[], fences: [number, number][]): Span[] {
  return fences.map(([first, end]) => ({ start: lineStarts[first], end: lineSpan(text, lineStarts, end - 1).end }));
}

/** A converter's caption over the rest of a table cut by a page break (`三、收到和处理政府信息公开申请情况（续）`). */
const CONTINUED = /[（(]续[）)][ \t\u3000]*$|^[ \t\u3000]*续表/;
const SECTION_LINE = /^[ \u3000]*[一二三四五六壹贰叁肆伍陆][、.．]/;
/** SECTION_LINE at a line start of the whole text (it never reaches past the line: no line break in it). */
const SECTION_LINE_AT = /[ \u3000]*[一二三四五六壹贰叁肆伍陆][、.．]/y;
const DIGIT = '[0-9０-９]';
const DATE = `(${DIGIT}{4})\\s*年\\s*(${DIGIT}{1,2})\\s*月\\s*(${DIGIT}{1,2})\\s*日`;
const PERIOD_KEYWORD = /[统統][计計](?:期限|期间|期間|时限|時限|时间|時間|区间|區間)/g;
const PERIOD_RANGE = new RegExp(
  `${DATE}\\s*起?\\s*(?:至|到|—|－|-|~|～)\\s*(?:(${DIGIT}{4})\\s*年\\s*)?(${DIGIT}{1,2})\\s*月\\s*(${DIGIT}{1,2})\\s*日`,
);
const SIGNING_LINE = new RegExp(`^[\\s\\u3000]*${DATE}[\\s\\u3000]*$`);
const YEAR = /((?:19|20)\d{2})\s*年/;

const toNumber = (digits: string) => Number(digits.normalize('NFKC'));

function headingAt(src: LineSource, line: number, level: number): Heading {
  const span = lineSpan(src.text, src.lineStarts, line);
  const raw = src.text.slice(span.start, span.end);
  const markers = level > 0 ? (/^\s*#{1,6}\s*/.exec(raw)?.[0].length ?? 0) : 0;
  const textSpan = trimSpan(src.text, span.start + markers, span.end - (level > 0 ? (/\s#+\s*$/.exec(raw)?.[0].length ?? 0) : 0));
  return { text: src.text.slice(textSpan.start, textSpan.end), span: trimSpan(src.text, span.start, span.end), textSpan, level };
}

/** A line that opens with a section heading and goes on with its text (`一、总体情况2024年，我局…`). */
function openingHeading(text: string, line: Span): Omit<Section, 'span' | 'tables' | 'unread'> | undefined {
  const start = trimSpan(text, line.start, line.end).start;
  const def = SECTIONS.find((s) => s.numeral === text[start]);
  const end = def && sectionHeadingEnd(text, start, def);
  if (!def || end === undefined || end > line.end) return undefined;
  const span = { start, end };
  const heading: Heading = { text: text.slice(start, end), span, textSpan: span, level: 0 };
  return { def, heading, wording: matchSection(heading.text, false)?.wording ?? 'typo' };
}

function findSections(
  src: LineSource,
  structure: BlockStructure,
): { line: number; section: Omit<Section, 'span' | 'tables' | 'unread'> }[] {
  const found: { line: number; section: Omit<Section, 'span' | 'tables' | 'unread'> }[] = [];
  for (let n = 0; n < src.lineStarts.length; n++) {
    const level = structure.headings.get(n) ?? 0;
    const span = lineSpan(src.text, src.lineStarts, n);
    // Most lines open with no section numeral: they are passed over without being cut out of the text.
    SECTION_LINE_AT.lastIndex = span.start;
    if (level === 0 && !SECTION_LINE_AT.test(src.text)) continue;
    const raw = src.text.slice(span.start, span.end);
    if (level === 0 && (raw.startsWith('\t') || /[|｜]/.test(raw) || !SECTION_LINE.test(raw) || CONTINUED.test(raw))) continue;
    const heading = headingAt(src, n, level);
    const match = raw.length <= 60 || level > 0 ? matchSection(heading.text, level === 0) : undefined;
    if (match) found.push({ line: n, section: { def: match.def, heading, wording: match.wording } });
    else if (level === 0) {
      const opening = openingHeading(src.text, span);
      if (opening) found.push({ line: n, section: opening });
    }
  }
  return found;
}

/** A page's metadata line naming the title (`标题: 某县2024年政府信息公开工作年度报告`). */
const TITLE_FIELD = /^[ \t\u3000]*标题[:：][ \t\u3000]*/;

function findTitle(src: LineSource, structure: BlockStructure, firstSectionLine: number): Report['title'] {
  for (let n = 0; n < Math.min(firstSectionLine, 12); n++) {
    const span = lineSpan(src.text, src.lineStarts, n);
    const field = TITLE_FIELD.exec(src.text.slice(span.start, span.end));
    if (!field) continue;
    const textSpan = trimSpan(src.text, span.start + field[0].length, span.end);
    if (textSpan.start < textSpan.end)
      return withYear({
        text: src.text.slice(textSpan.start, textSpan.end),
        span: trimSpan(src.text, span.start, span.end),
        textSpan,
        level: 0,
      });
  }
  const lines: number[] = [];
  for (let n = 0; n < firstSectionLine && lines.length < 2; n++) {
    const level = structure.headings.get(n);
    if (level === 1) return withYear(headingAt(src, n, 1));
    const span = lineSpan(src.text, src.lineStarts, n);
    if (src.text.slice(span.start, span.end).trim() !== '') lines.push(n);
  }
  if (lines.length === 0) return undefined;
  const first = headingAt(src, lines[0], 0);
  if (first.text.length > 60 || /[。；;，,：:]$/.test(first.text) || /^(?:根据|依据|按照)/.test(first.text)) return undefined;
  if (/报告|報告/.test(first.text)) return withYear(first);
  if (lines.length < 2) return undefined;
  const second = headingAt(src, lines[1], 0);
  if (second.text.length > 20 || !/报告|報告/.test(second.text)) return undefined;
  const span = { start: first.span.start, end: second.span.end };
  return withYear({ text: first.text + second.text, span, textSpan: span, level: 0 });
}

function withYear(heading: Heading): NonNullable<Report['title']> {
  const year = YEAR.exec(fold(heading.text));
  return { ...heading, year: year ? Number(year[1]) : undefined };
}

function mention(offset: number, m: RegExpExecArray, first: number, year: number | undefined): DateMention {
  const span = { start: offset + m.index, end: offset + m.index + m[0].length };
  return { year: year ?? toNumber(m[first]), month: toNumber(m[first + 1]), day: toNumber(m[first + 2]), span };
}

function findPeriod(text: string): Period | undefined {
  for (const keyword of text.matchAll(PERIOD_KEYWORD)) {
    const from = keyword.index + keyword[0].length;
    const window = text.slice(from, from + 80);
    const m = PERIOD_RANGE.exec(window);
    if (!m) continue;
    const start = mention(from, m, 1, undefined);
    const endYear = m[4] ? toNumber(m[4]) : start.year;
    const end = { year: endYear, month: toNumber(m[5]), day: toNumber(m[6]), span: start.span };
    const span: Span = { start: from + m.index, end: from + m.index + m[0].length };
    return { start: { ...start, span }, end: { ...end, span }, span };
  }
  return undefined;
}

/** The page's own lines after a report published on a web page (print and close links, the publisher, sharing). */
const PAGE_CHROME =
  /打印本页|关闭窗口|【打印】|【关闭】|字体[:：]|发布机构|发布时间|发布日期|信息来源|来源[:：]|浏览次数|分享到|扫一扫|相关附件|上一篇|下一篇|版权所有|主办单位|网站标识码|ICP备|网站地图|联系我们|返回顶部/;
/** The issuing office and the date on one line (`某县人民政府办公室 2024年1月20日`). */
const OFFICE_AND_DATE = new RegExp(`${DATE}[\\s\\u3000]*$`);
const MAX_OFFICE_AND_DATE = 40;

function findSigningDate(src: LineSource): DateMention | undefined {
  let seen = 0;
  for (let n = src.lineStarts.length - 1; n >= 0 && seen < 8; n--) {
    const span = lineSpan(src.text, src.lineStarts, n);
    const line = src.text.slice(span.start, span.end);
    if (line.trim() === '' || PAGE_CHROME.test(line)) continue;
    seen++;
    const m = SIGNING_LINE.exec(line);
    if (m) return { ...mention(span.start, m, 1, undefined), span: trimSpan(src.text, span.start, span.end) };
    const trimmed = line.trim();
    const tail = trimmed.length <= MAX_OFFICE_AND_DATE && !/[。；;]/.test(trimmed) ? OFFICE_AND_DATE.exec(line) : null;
    if (tail) return { ...mention(span.start, tail, 1, undefined), span: trimSpan(src.text, span.start + tail.index, span.end) };
  }
  return undefined;
}

/** The edition most labels of the tables belong to; unknown where two editions tie. */
function voteEdition(tables: Table[]): ReportEdition {
  const votes = new Map(EDITION_IDS.map((id) => [id, 0]));
  for (const t of tables) votes.set(t.edition, votes.get(t.edition)! + t.rows.filter((r) => r.label).length + t.headerLabels.length);
  const [first, second] = [...votes].sort((a, b) => b[1] - a[1]);
  return !second || first[1] > second[1] ? first[0] : UNKNOWN_EDITION;
}

/**
 * The head of a report: its title and year (and what reading them took), without reading its tables. `parseReport`
 * reads on from here; the CLI's first pass over a batch needs no more.
 */
export function parseHead(original: string, options: ParseOptions = {}) {
  const lineStarts = lineStartsOf(original);
  const structure = blockStructure(original, lineStarts);
  const text = withoutFencedCode(original, lineStarts, structure.fences);
  const found = findSections({ text, lineStarts, headingLines: new Set() }, structure);
  const src: LineSource = { text, lineStarts, headingLines: new Set(found.map((f) => f.line)) };
  const title = findTitle(src, structure, found[0]?.line ?? lineStarts.length);
  const period = findPeriod(text);

  const sectionSpan = (i: number): Span => ({
    start: lineStarts[found[i].line],
    end: i + 1 < found.length ? lineStarts[found[i + 1].line] : text.length,
  });
  const overview = found.findIndex((f) => f.section.def.id === 'overview');
  const overviewYear = overview >= 0 ? YEAR.exec(text.slice(sectionSpan(overview).start, sectionSpan(overview).end)) : null;
  const year: Report['year'] = options.year
    ? { value: options.year, source: 'setting' }
    : title?.year
      ? { value: title.year, source: 'title' }
      : period
        ? { value: period.start.year, source: 'period' }
        : overviewYear
          ? { value: Number(overviewYear[1]), source: 'overview' }
          : undefined;
  return { original, lineStarts, structure, text, found, src, title, period, sectionSpan, year };
}

/** Reads a draft into the report model. Never throws and never refuses a document. */
export function parseReport(original: string, options: ParseOptions = {}): Report {
  const { lineStarts, structure, text, found, src, title, period, sectionSpan, year } = parseHead(original, options);
  const fixedEdition: ReportEdition | undefined = options.edition ?? (year ? editionForYear(year.value) : undefined);

  const sections: Section[] = found.map((f, i) => {
    const span = sectionSpan(i);
    const hasTables = TABLE_SECTIONS.includes(f.section.def.id) && (!fixedEdition || followsFormat(fixedEdition));
    const body = hasTables
      ? readSectionBody(
          src,
          f.line + 1,
          i + 1 < found.length ? found[i + 1].line : lineStarts.length,
          f.section.def.id,
          fixedEdition && isEdition(fixedEdition) ? fixedEdition : undefined,
        )
      : { tables: [], unread: [] };
    return { ...f.section, span, ...body };
  });
  const edition = fixedEdition ?? voteEdition(sections.flatMap((s) => s.tables));
  return {
    text: original,
    lineStarts,
    fences: fenceSpans(original, lineStarts, structure.fences),
    title,
    year,
    edition,
    sections,
    period,
    signingDate: findSigningDate(src),
    directives: findDirectives(text, lineStarts),
  };
}
