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
  TABLE_SECTIONS,
  UNKNOWN_EDITION,
} from '../standard';
import type { LineSource } from './blocks';
import { findDirectives } from './directives';
import { blockMarkdown as markdown } from './markdown';
import { lineSpan, lineStartsOf, trimSpan } from './text';
import { readSectionBody } from './unread';

export interface ParseOptions {
  /** The report year, where a setting fixes it. */
  year?: number;
  /** The edition, where a setting fixes it. */
  edition?: EditionId;
}

interface BlockStructure {
  /** Markdown heading lines with their level. */
  headings: Map<number, number>;
}

/** A text without a line that opens with `#` has no markdown heading: markdown-it need not read it. */
const MAYBE_HEADING = /^ {0,3}#/m;

function blockStructure(text: string): BlockStructure {
  const headings = new Map<number, number>();
  if (!MAYBE_HEADING.test(text)) return { headings };
  for (const token of markdown.parse(text, {})) {
    // A heading inside a block quote or a list item is not a section heading.
    if (token.map && token.type === 'heading_open' && token.level === 0 && token.markup.startsWith('#')) headings.set(token.map[0], Number(token.tag.slice(1)));
  }
  return { headings };
}

const SECTION_LINE = /^[ \u3000]*[一二三四五六壹贰叁肆伍陆][、.．]/;
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
  const markers = level > 0 ? /^\s*#{1,6}\s*/.exec(raw)![0].length : 0;
  const textSpan = trimSpan(src.text, span.start + markers, span.end - (level > 0 ? (/\s#+\s*$/.exec(raw)?.[0].length ?? 0) : 0));
  return { text: src.text.slice(textSpan.start, textSpan.end), span: trimSpan(src.text, span.start, span.end), textSpan, level };
}

function findSections(src: LineSource, structure: BlockStructure): { line: number; section: Omit<Section, 'span' | 'tables' | 'unread'> }[] {
  const found: { line: number; section: Omit<Section, 'span' | 'tables' | 'unread'> }[] = [];
  for (let n = 0; n < src.lineStarts.length; n++) {
    const level = structure.headings.get(n) ?? 0;
    const span = lineSpan(src.text, src.lineStarts, n);
    const raw = src.text.slice(span.start, span.end);
    if (level === 0 && (raw.startsWith('\t') || /[|｜]/.test(raw) || raw.length > 60 || !SECTION_LINE.test(raw))) continue;
    const heading = headingAt(src, n, level);
    const match = matchSection(heading.text, level === 0);
    if (match) found.push({ line: n, section: { def: match.def, heading, wording: match.wording } });
  }
  return found;
}

function findTitle(src: LineSource, structure: BlockStructure, firstSectionLine: number): Report['title'] {
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

function findSigningDate(src: LineSource): DateMention | undefined {
  let seen = 0;
  for (let n = src.lineStarts.length - 1; n >= 0 && seen < 8; n--) {
    const span = lineSpan(src.text, src.lineStarts, n);
    const line = src.text.slice(span.start, span.end);
    if (line.trim() === '') continue;
    seen++;
    const m = SIGNING_LINE.exec(line);
    if (m) return { ...mention(span.start, m, 1, undefined), span: trimSpan(src.text, span.start, span.end) };
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

/** Reads a draft into the report model. Never throws and never refuses a document. */
export function parseReport(text: string, options: ParseOptions = {}): Report {
  const lineStarts = lineStartsOf(text);
  const structure = blockStructure(text);
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
    text,
    lineStarts,
    title,
    year,
    edition,
    sections,
    period,
    signingDate: findSigningDate(src),
    directives: findDirectives(text, lineStarts),
  };
}
