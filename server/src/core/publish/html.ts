import { say } from '../../shared/i18n';
import type { Locale } from '../../shared/settings';
import type { Finding } from '../check';
import type { Report } from '../model';
import { type Block, publishedDocument } from './document';
import type { GridCell, PublishedTable } from './layout';

/** Body 仿宋 (三号 16 pt), headings 黑体, the title 小标宋, tables 宋体 (五号 10.5 pt), as official documents are set. */
export const FONTS = {
  body: '"仿宋_GB2312", FangSong_GB2312, "仿宋", FangSong, STFangsong, "Noto Serif CJK SC", serif',
  heading: '"黑体", SimHei, "Heiti SC", STHeiti, "Noto Sans CJK SC", sans-serif',
  subheading: '"楷体_GB2312", KaiTi_GB2312, "楷体", KaiTi, STKaiti, serif',
  title: '"方正小标宋简体", "FZXiaoBiaoSong-B05S", "小标宋", "华文中宋", STZhongsong, "宋体", SimSun, serif',
  table: '"宋体", SimSun, "Songti SC", STSong, "Noto Serif CJK SC", serif',
} as const;

/** The styles of the published tables (also for a host that shows them, such as VS Code's Markdown preview). */
export const TABLE_CSS = `
table.govreport-table { border-collapse: collapse; width: 100%; margin: 0.8em 0; font-family: ${FONTS.table}; font-size: 10.5pt; line-height: 1.4; }
table.govreport-table th, table.govreport-table td { border: 1px solid #000; padding: 0.25em 0.45em; vertical-align: middle; }
table.govreport-table th { font-weight: normal; text-align: center; }
table.govreport-table th.govreport-corner { font-size: 9pt; max-width: 12em; }
table.govreport-table caption { caption-side: top; text-align: left; font-weight: bold; padding-bottom: 0.3em; }
table.govreport-table td.govreport-label { text-align: left; }
table.govreport-table td.govreport-figure { min-width: 2.5em; text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
.govreport-marked { outline: 2px solid #c62828; outline-offset: -2px; background: #fdecea; }
.govreport-marked.govreport-warning { outline-color: #e65100; background: #fff3e0; }
.govreport-marked.govreport-info { outline-color: #1565c0; background: #e3f2fd; }
.govreport-mark { color: #c62828; font-size: 0.75em; vertical-align: super; margin-left: 0.15em; }
ol.govreport-findings { font-family: ${FONTS.table}; font-size: 10.5pt; color: #b71c1c; margin: 0.2em 0 1em; }
`;

const DOCUMENT_CSS = `
body { margin: 0; background: #f4f4f4; }
article.govreport { box-sizing: border-box; max-width: 210mm; margin: 1em auto; padding: 25mm 26mm; background: #fff; color: #000;
  font-family: ${FONTS.body}; font-size: 16pt; line-height: 1.75; }
article.govreport h1 { font-family: ${FONTS.title}; font-size: 22pt; font-weight: normal; text-align: center; line-height: 1.5; margin: 0 0 1em; }
article.govreport h2 { font-family: ${FONTS.heading}; font-size: 16pt; font-weight: normal; text-indent: 2em; margin: 0; }
article.govreport h3 { font-family: ${FONTS.subheading}; font-size: 16pt; font-weight: normal; text-indent: 2em; margin: 0; }
article.govreport p { text-indent: 2em; margin: 0; text-align: justify; }
article.govreport p.govreport-signature { text-align: right; text-indent: 0; }
@media print { body { background: #fff; } article.govreport { margin: 0; padding: 0; max-width: none; } }
${TABLE_CSS}`;

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ESCAPES[c]);
}

/** Numbers the findings of one page, so that a mark in a cell points at its message below the table. */
export class FindingMarks {
  private next = 1;
  readonly listed: { number: number; finding: Finding }[] = [];

  /** `place` words where a finding stands in the file (a line number), written before its message in the list. */
  constructor(private readonly place?: (finding: Finding) => string | undefined) {}

  mark(findings: readonly Finding[]): string {
    return findings
      .map((finding) => {
        const number = this.next++;
        this.listed.push({ number, finding });
        return `<sup class="govreport-mark">[${number}]</sup>`;
      })
      .join('');
  }

  /** The messages marked since the last call, as a numbered list. */
  list(): string {
    if (!this.listed.length) return '';
    const items = this.listed.map(({ number, finding }) => {
      const place = this.place?.(finding);
      const where = place ? `<span class="govreport-place">${escapeHtml(place)}</span> ` : '';
      return `<li value="${number}" class="govreport-${finding.severity}">${where}${escapeHtml(finding.message)} <code>${escapeHtml(finding.rule)}</code></li>`;
    });
    this.listed.length = 0;
    return `<ol class="govreport-findings">${items.join('')}</ol>\n`;
  }
}

function markedAttributes(findings: readonly Finding[], classes: string[]): string {
  if (findings.length) classes.push('govreport-marked', `govreport-${severest(findings)}`);
  const title = findings.length ? ` title="${escapeHtml(findings.map((f) => f.message).join('\n'))}"` : '';
  return `${classes.length ? ` class="${classes.join(' ')}"` : ''}${title}`;
}

function severest(findings: readonly Finding[]): Finding['severity'] {
  return findings.some((f) => f.severity === 'error') ? 'error' : findings.some((f) => f.severity === 'warning') ? 'warning' : 'info';
}

function spans(cell: GridCell): string {
  return `${cell.rowSpan > 1 ? ` rowspan="${cell.rowSpan}"` : ''}${cell.colSpan > 1 ? ` colspan="${cell.colSpan}"` : ''}`;
}

function renderCell(cell: GridCell, marks: FindingMarks): string {
  const tag = cell.kind === 'label' || cell.kind === 'figure' ? 'td' : 'th';
  const style = cell.kind === 'figure' ? ' style="text-align:right"' : '';
  const attributes = markedAttributes(cell.findings, [`govreport-${cell.kind}`]);
  return `<${tag}${spans(cell)}${attributes}${style}>${escapeHtml(cell.text)}${marks.mark(cell.findings)}</${tag}>`;
}

export interface TableHtmlOptions {
  /** Write the Section 二 item name as the table's caption (off where the draft's own paragraph stands above). */
  caption?: boolean;
}

/** A standard table as published (merged header rows, figures right-aligned), each finding marked on its cell. */
export function renderTableHtml(layout: PublishedTable, marks = new FindingMarks(), options: TableHtmlOptions = {}): string {
  const caption = options.caption !== false && layout.caption ? `<caption>${escapeHtml(layout.caption)}</caption>` : '';
  const rows = (cells: GridCell[][]) => cells.map((row) => `<tr>${row.map((c) => renderCell(c, marks)).join('')}</tr>`).join('\n');
  const notes = layout.notes.length ? `<p class="govreport-table-notes">${marks.mark(layout.notes)}</p>` : '';
  const table = `<table class="govreport-table" data-table="${escapeHtml(layout.def.id)}">${caption}\n<thead>\n${rows(layout.header)}\n</thead>\n<tbody>\n${rows(layout.body)}\n</tbody>\n</table>\n`;
  return `${table}${notes}${marks.list()}`;
}

function renderBlock(block: Block, marks: FindingMarks): string {
  switch (block.kind) {
    case 'table':
      return renderTableHtml(block.layout, marks);
    case 'grid': {
      const rows = block.rows.map((r) => `<tr>${r.map((c) => `<td>${escapeHtml(c)}</td>`).join('')}</tr>`).join('\n');
      return `<table class="govreport-table"${markedAttributes(block.findings, [])}>\n${rows}\n</table>${marks.mark(block.findings)}\n${marks.list()}`;
    }
    case 'title':
      return `<h1${markedAttributes(block.findings, [])}>${escapeHtml(block.text)}${marks.mark(block.findings)}</h1>\n${marks.list()}`;
    case 'heading': {
      const tag = block.level === 1 ? 'h2' : 'h3';
      return `<${tag}${markedAttributes(block.findings, [])}>${escapeHtml(block.text)}${marks.mark(block.findings)}</${tag}>\n${marks.list()}`;
    }
    case 'paragraph': {
      const attributes = markedAttributes(block.findings, block.signature ? ['govreport-signature'] : []);
      return `<p${attributes}>${escapeHtml(block.text)}${marks.mark(block.findings)}</p>\n${marks.list()}`;
    }
  }
}

export interface ReportHtmlOptions {
  /** Marked on the page, each on its cell or paragraph with its message; none for a page to publish. */
  findings?: readonly Finding[];
  locale?: Locale;
}

/** The body of the published page: the report's blocks, then any finding that points at no block. */
export function renderReportBody(report: Report, options: ReportHtmlOptions = {}): string {
  const document = publishedDocument(report, options.findings);
  const marks = new FindingMarks();
  const body = document.blocks.map((b) => renderBlock(b, marks)).join('');
  if (!document.notes.length) return body;
  marks.mark(document.notes);
  return `${body}<h3>${say(options.locale ?? 'zh-CN', '其他问题', 'Other findings')}</h3>\n${marks.list()}`;
}

/** A whole report as one self-contained HTML page (styles inline, nothing fetched), as it will be published. */
export function renderReportHtml(report: Report, options: ReportHtmlOptions = {}): string {
  const title = report.title ? report.text.slice(report.title.textSpan.start, report.title.textSpan.end).trim() : '';
  return [
    '<!DOCTYPE html>',
    `<html lang="${options.locale === 'en' ? 'en' : 'zh-CN'}">`,
    '<head>',
    '<meta charset="utf-8">',
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    `<title>${escapeHtml(title)}</title>`,
    `<style>${DOCUMENT_CSS}</style>`,
    '</head>',
    '<body>',
    '<article class="govreport">',
    renderReportBody(report, options),
    '</article>',
    '</body>',
    '</html>',
    '',
  ].join('\n');
}
