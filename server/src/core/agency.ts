import { derived } from './derived';
import type { Report } from './model';
import { type ParseOptions, parseHead, parseReport } from './parse/report';

const REPORT_NAME = '政府信息公开';
const YEAR = /(?:19|20)\d\d\s*年度?/g;
const NOISE = /[\s\u3000“”"'《》]/g;

/**
 * The agency a report is by, from its title: the words before (or around) the year, up to 政府信息公开…年度报告,
 * whitespace and quotes dropped. `洪泽区人民政府2023年政府信息公开工作年度报告` and
 * `2023年洪泽区人民政府政府信息公开工作年度报告` both give `洪泽区人民政府`.
 */
export function agencyOf(report: Report): string | undefined {
  return derived(report, agencyOf, () => readAgency(report));
}

/**
 * A draft's agency and year as `agencyOf` and `report.year` give them, read from its head alone (title, period,
 * overview; not its tables): what a batch notes of every file to find each one's previous-year report.
 */
export function reportIdentity(text: string, options: ParseOptions = {}): { agency?: string; year?: number } {
  const head = parseHead(text, options);
  return { agency: readAgency({ text, title: head.title }), year: head.year?.value };
}

/**
 * A report of the run known only by its file, agency and year, for a check that names it and does not read it (one of
 * several previous-year candidates, where no comparison is made).
 */
export function namedReport(source: string, agency: string, year: number): Report {
  return Object.assign(parseReport(`# ${year}年${agency}政府信息公开工作年度报告\n`), { source });
}

function readAgency(report: Pick<Report, 'text' | 'title'>): string | undefined {
  const title = report.title;
  if (!title) return undefined;
  const text = report.text.slice(title.textSpan.start, title.textSpan.end).replace(YEAR, '').replace(NOISE, '');
  const end = text.lastIndexOf(REPORT_NAME);
  const agency = (end === -1 ? text : text.slice(0, end)).replace(/[（(]/g, '(').replace(/[）)]/g, ')');
  return agency.length >= 2 ? agency : undefined;
}

/** A name that places an agency by its region above: 江苏省, 淮安市, 黔东南苗族侗族自治州, 大兴安岭地区, 锡林郭勒盟. */
const REGION_END = ['省', '市', '自治区', '州', '地区', '盟'];

/**
 * Whether two agency names are one agency: equal, or the longer is the shorter with the regions above it in front
 * (`淮安市洪泽区人民政府` is `洪泽区人民政府`). `某某县人民政府办公室` is not `某某县人民政府`: the office is its own
 * agency, and a name is never matched by its own beginning.
 */
export function sameAgency(a: string, b: string): boolean {
  if (a === b) return true;
  const [short, long] = a.length < b.length ? [a, b] : [b, a];
  if (!long.endsWith(short)) return false;
  const prefix = long.slice(0, long.length - short.length);
  // The shorter name must itself be placed (a bare 人民政府 or 财政局 names no one agency).
  return REGION_END.some((end) => prefix.endsWith(end)) && /^.{1,12}?(?:省|市|县|区|旗|州|盟|镇|乡|街道)/u.test(short);
}

/** The reports of the same agency for the year before `report`'s, among the other reports of the run. */
export function previousYearCandidates(report: Report, others: readonly Report[]): Report[] {
  const year = report.year?.value;
  const agency = agencyOf(report);
  if (year === undefined || agency === undefined) return [];
  return others.filter((other) => {
    if (other === report || other.year?.value !== year - 1) return false;
    const name = agencyOf(other);
    return name !== undefined && sameAgency(agency, name);
  });
}

/**
 * The report of the same agency for the year before `report`'s, among the other reports of the run: only where there
 * is exactly one (two candidates that may disagree would make the comparison a guess).
 */
export function previousYearReport(report: Report, others: readonly Report[]): Report | undefined {
  const candidates = previousYearCandidates(report, others);
  return candidates.length === 1 ? candidates[0] : undefined;
}

/** Where several reports could be last year's: the note that a comparison was not made, naming them. */
export function severalCandidates(candidates: readonly Report[], compared: { zh: string; en: string }): { zh: string; en: string } {
  const names = candidates.slice(0, NAMED_CANDIDATES).map(reportName);
  const more = candidates.length > NAMED_CANDIDATES;
  const year = candidates[0].year?.value;
  return {
    zh: `同一机关${year}年度的报告有 ${candidates.length} 份（${names.map((n) => n.zh).join('、')}${more ? '等' : ''}），无法确定与哪一份比较，未核对${compared.zh}`,
    en: `The run holds ${candidates.length} reports of the same agency for ${year} (${names.map((n) => n.en).join(', ')}${more ? ', …' : ''}): which one to compare with is unclear, so ${compared.en} were not compared`,
  };
}

/** How many of several candidates a note names (a batch may hold hundreds of copies of one report). */
const NAMED_CANDIDATES = 3;

/** How a finding names another report: its file, else its year. */
export function reportName(report: Report): { zh: string; en: string } {
  if (report.source) return { zh: `“${report.source}”`, en: `“${report.source}”` };
  return { zh: `${report.year?.value ?? ''}年度报告`, en: `the ${report.year?.value ?? ''} report` };
}
