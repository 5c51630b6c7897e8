import {
  type CheckResult,
  type Finding,
  FindingMarks,
  type RequestFigures,
  RULES,
  TABLE_CSS,
  escapeHtml,
  renderTableHtml,
  requestFigures,
  tableLayout,
} from '../core';
import { say } from '../shared/i18n';
import type { Locale, Severity } from '../shared/settings';
import type { Reporter, ReporterOptions } from './formats';
import { type Counts, messagesFor } from './messages';
import { type FileResult, type LocatedFinding, countBySeverity, sourcePlaceText } from './results';
import { type Bar, barChart } from './review-charts';

type Status = 'failed' | 'error' | 'warning' | 'info' | 'ok';
/** The order of the overview: what needs a reviewer most comes first. */
const STATUS_RANK: Record<Status, number> = { failed: 0, error: 1, warning: 2, info: 3, ok: 4 };

/** What the page keeps of one input: a few fields for the overview and charts, and its rendered details. */
interface Entry {
  id: string;
  file: string;
  status: Status;
  agency?: string;
  year: number | null;
  edition: string;
  counts: Counts;
  /** Each rule that fired: how often, and the severest severity. */
  rules: Map<string, { count: number; severity: Severity }>;
  reason?: string;
  figures?: RequestFigures;
  details: string;
}

/** The most bars a chart draws (the largest): a run of thousands stays readable; the overview lists them all. */
const MAX_BARS = 50;
const RECEIVED_COLOR = ['#1565c0'];
/** 予以公开, 部分公开, 不予公开, 无法提供, 不予处理, 其他处理 (the standard's order of the kinds of result). */
const HANDLED_COLORS = ['#2e7d32', '#9ccc65', '#c62828', '#ef6c00', '#6a1b9a', '#78909c'];

const RULE_ORDER = new Map(RULES.map((r, i) => [r.id, i]));
const SEVERITY_RANK: Record<Severity, number> = { error: 0, warning: 1, info: 2 };

function statusOf(counts: Counts): Status {
  return counts.error ? 'error' : counts.warning ? 'warning' : counts.info ? 'info' : 'ok';
}

/** A finding's place in words: line and column, else the page or table cell of a Word file or a PDF. */
function placeOf(f: LocatedFinding, locale: Locale): string {
  if (f.line !== undefined) return say(locale, `第 ${f.line} 行第 ${f.column} 列`, `line ${f.line}, column ${f.column}`);
  return sourcePlaceText(f, messagesFor(locale)) ?? '';
}

/**
 * `--format html`: one self-contained review page for the whole run (styles, script and charts inline; nothing
 * fetched): the totals, every input with its status (sortable), a report × rule matrix, charts of Section 三, and each
 * report's standard tables as published with the wrong cells marked and their messages beside them. Each report is
 * rendered when it is checked and only its HTML is kept, so a run of thousands holds no report in memory.
 */
export function reviewReporter({ write, locale }: ReporterOptions): Reporter {
  const t = (zh: string, en: string) => say(locale, zh, en);
  const entries: Entry[] = [];
  const notReports: string[] = [];
  const nextId = () => `r${entries.length + 1}`;
  return {
    file(result, checked) {
      const counts = countBySeverity(result.findings);
      const rules = new Map<string, { count: number; severity: Severity }>();
      for (const f of result.findings) {
        const seen = rules.get(f.rule);
        if (!seen) rules.set(f.rule, { count: 1, severity: f.severity });
        else {
          seen.count++;
          if (SEVERITY_RANK[f.severity] < SEVERITY_RANK[seen.severity]) seen.severity = f.severity;
        }
      }
      const id = nextId();
      const figures = checked && requestFigures(checked.report);
      entries.push({
        id,
        file: result.file,
        status: statusOf(counts),
        ...(result.agency !== undefined && { agency: result.agency }),
        year: result.year,
        edition: result.edition,
        counts,
        rules,
        ...(figures && { figures }),
        details: reportDetails(id, result, checked, locale),
      });
    },
    failure(file, message) {
      const id = nextId();
      const reason = message.startsWith(file) ? message.slice(file.length).replace(/^[：:]\s*/, '') : message;
      const details = `<details class="rv-report rv-failed" id="${id}"><summary>${statusBadge('failed', locale)} <span class="rv-file">${escapeHtml(file)}</span></summary><p class="rv-reason">${escapeHtml(reason)}</p></details>\n`;
      entries.push({
        id,
        file,
        status: 'failed',
        year: null,
        edition: '',
        counts: { error: 0, warning: 0, info: 0 },
        rules: new Map(),
        reason,
        details,
      });
    },
    notReport(file) {
      notReports.push(file);
    },
    end() {
      const checked = entries.filter((e) => e.status !== 'failed');
      const failed = entries.filter((e) => e.status === 'failed');
      const all = { error: 0, warning: 0, info: 0 };
      for (const e of checked) for (const s of ['error', 'warning', 'info'] as const) all[s] += e.counts[s];
      const title = t('政府信息公开工作年度报告审核', 'Annual report review');
      write(
        `<!DOCTYPE html>\n<html lang="${locale === 'en' ? 'en' : 'zh-CN'}">\n<head>\n<meta charset="utf-8">\n` +
          `<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; script-src 'unsafe-inline'; img-src data:">\n` +
          `<meta name="viewport" content="width=device-width, initial-scale=1">\n<title>${escapeHtml(title)}</title>\n<style>${PAGE_CSS}${TABLE_CSS}</style>\n</head>\n<body>\n`,
      );
      write(`<header class="rv-header"><h1>${escapeHtml(title)}</h1>\n${totalsHtml(checked.length, failed, all, notReports, locale)}`);
      write(
        `<nav><a href="#overview">${t('概览', 'Overview')}</a> <a href="#matrix">${t('报告 × 规则', 'Reports × rules')}</a> <a href="#charts">${t('图表', 'Charts')}</a> <a href="#reports">${t('各报告详情', 'Each report')}</a></nav></header>\n`,
      );
      write(overviewHtml(entries, locale));
      write(matrixHtml(checked, locale));
      write(chartsHtml(checked, locale));
      write(`<section id="reports"><h2>${t('各报告详情', 'Each report')}</h2>\n`);
      write(
        `<p class="rv-hint">${t('点击报告展开：标准表格按发布格式排版，有误的格子标出，说明在旁边；其余问题附行号。', 'Open a report: its standard tables as published, the wrong cells marked with the message beside them; the other findings with their line numbers.')}</p>\n`,
      );
      for (const entry of entries) write(entry.details);
      write(`</section>\n<script>${PAGE_SCRIPT}</script>\n</body>\n</html>\n`);
    },
  };
}

function statusBadge(status: Status, locale: Locale): string {
  const label = {
    failed: say(locale, '无法检查', 'not checked'),
    error: say(locale, '有错误', 'errors'),
    warning: say(locale, '有警告', 'warnings'),
    info: say(locale, '仅提示', 'info only'),
    ok: say(locale, '通过', 'passed'),
  }[status];
  return `<span class="rv-badge rv-${status}">${label}</span>`;
}

function editionLabel(edition: string, locale: Locale): string {
  if (/^\d{4}$/.test(edition)) return say(locale, `${edition} 版`, `${edition} edition`);
  if (edition === 'pre2019') return say(locale, '2019 年以前', 'before 2019');
  return edition ? say(locale, '未知', 'unknown') : '';
}

function totalsHtml(checked: number, failed: Entry[], all: Counts, notReports: string[], locale: Locale): string {
  const t = (zh: string, en: string) => say(locale, zh, en);
  const figure = (value: number, label: string, kind: string) =>
    `<div class="rv-total rv-${kind}" data-total="${kind}"><b>${value}</b><span>${label}</span></div>`;
  const unchecked = failed.length
    ? `<details class="rv-unchecked"><summary>${t(`${failed.length} 个文件无法检查：原因`, `Not checked (${failed.length}): why`)}</summary><ul>${failed.map((e) => `<li><a href="#${e.id}">${escapeHtml(e.file)}</a>：${escapeHtml(e.reason ?? '')}</li>`).join('')}</ul></details>\n`
    : '';
  const skipped = notReports.length
    ? `<details class="rv-skipped"><summary>${t(`目录中另有 ${notReports.length} 个文件不像年度报告，未检查`, `Found in the folders but not like a report, not checked (${notReports.length})`)}</summary><ul>${notReports.map((f) => `<li>${escapeHtml(f)}</li>`).join('')}</ul></details>\n`
    : '';
  return (
    `<div class="rv-totals">${figure(checked, t('份报告已检查', 'reports checked'), 'checked')}${figure(failed.length, t('个文件无法检查', 'files not checked'), 'failed')}` +
    `${figure(all.error, t('个错误', 'errors'), 'error')}${figure(all.warning, t('个警告', 'warnings'), 'warning')}${figure(all.info, t('个提示', 'info'), 'info')}</div>\n${unchecked}${skipped}`
  );
}

/** Every input, one row each, grouped by status (most urgent first); the column headings sort it. */
function overviewHtml(entries: Entry[], locale: Locale): string {
  const t = (zh: string, en: string) => say(locale, zh, en);
  const rows = [...entries]
    .sort((a, b) => STATUS_RANK[a.status] - STATUS_RANK[b.status])
    .map((e) => {
      const rules =
        e.reason !== undefined ? escapeHtml(e.reason) : [...e.rules.keys()].map((r) => `<code>${escapeHtml(r)}</code>`).join(' ');
      const count = (n: number) => (e.status === 'failed' ? '<td data-v="-1">-</td>' : `<td data-v="${n}">${n}</td>`);
      return (
        `<tr class="rv-row-${e.status}" data-report="${e.id}"><td data-v="${STATUS_RANK[e.status]}">${statusBadge(e.status, locale)}</td>` +
        `<td><a href="#${e.id}">${escapeHtml(e.file)}</a></td><td>${escapeHtml(e.agency ?? '')}</td>` +
        `<td data-v="${e.year ?? 0}">${e.year ?? ''}</td><td>${escapeHtml(editionLabel(e.edition, locale))}</td>` +
        `${count(e.counts.error)}${count(e.counts.warning)}${count(e.counts.info)}<td class="rv-rules">${rules}</td></tr>`
      );
    });
  const heading = (label: string, numeric = false) =>
    `<th${numeric ? ' data-type="n"' : ''} title="${t('点击排序', 'Sort')}">${label}</th>`;
  return (
    `<section id="overview"><h2>${t('概览', 'Overview')}</h2>\n<table class="rv-list rv-sortable"><thead><tr>` +
    `${heading(t('状态', 'Status'), true)}${heading(t('文件', 'File'))}${heading(t('机关', 'Agency'))}${heading(t('年度', 'Year'), true)}${heading(t('版本', 'Edition'))}` +
    `${heading(t('错误', 'Errors'), true)}${heading(t('警告', 'Warnings'), true)}${heading(t('提示', 'Info'), true)}${heading(t('规则（或未检查的原因）', 'Rules (or why not checked)'))}` +
    `</tr></thead>\n<tbody>\n${rows.join('\n')}\n</tbody></table></section>\n`
  );
}

const reportLabel = (e: Entry) => [e.agency ?? e.file, e.year ?? ''].join(' ').trim();

/** Each report's short name: agency and year, with the file's name where two reports of the run would read alike. */
function shortNames(entries: Entry[]): Map<Entry, string> {
  const seen = new Map<string, number>();
  for (const e of entries) seen.set(reportLabel(e), (seen.get(reportLabel(e)) ?? 0) + 1);
  return new Map(
    entries.map((e) => [e, seen.get(reportLabel(e))! > 1 ? `${reportLabel(e)} ${e.file.split(/[\\/]/).pop()}` : reportLabel(e)]),
  );
}

/** Reports down, the rules that fired across, the count in each cell linking to the report; per-rule totals below. */
function matrixHtml(checked: Entry[], locale: Locale): string {
  const t = (zh: string, en: string) => say(locale, zh, en);
  const totals = new Map<string, number>();
  for (const e of checked) for (const [rule, { count }] of e.rules) totals.set(rule, (totals.get(rule) ?? 0) + count);
  const rules = [...totals.keys()].sort(
    (a, b) => (RULE_ORDER.get(a) ?? RULES.length) - (RULE_ORDER.get(b) ?? RULES.length) || (a < b ? -1 : 1),
  );
  const head = `<section id="matrix"><h2>${t('报告 × 规则', 'Reports × rules')}</h2>\n`;
  if (!checked.length) return `${head}<p>${t('没有检查任何报告。', 'No report was checked.')}</p></section>\n`;
  if (!rules.length) return `${head}<p>${t('所有报告都没有发现问题。', 'No report has any finding.')}</p></section>\n`;
  const description = new Map(RULES.map((r) => [r.id, say(locale, r.description.zh, r.description.en)]));
  const ruleHeads = rules
    .map((r) => `<th class="rv-rule" title="${escapeHtml(description.get(r) ?? r)}"><span>${escapeHtml(r)}</span></th>`)
    .join('');
  const labels = shortNames(checked);
  const rows = checked.map((e) => {
    const cells = rules.map((rule) => {
      const hit = e.rules.get(rule);
      return hit ? `<td class="rv-hit rv-${hit.severity}"><a href="#${e.id}">${hit.count}</a></td>` : '<td></td>';
    });
    return `<tr data-report="${e.id}"><th scope="row"><a href="#${e.id}" title="${escapeHtml(e.file)}">${escapeHtml(labels.get(e)!)}</a></th>${cells.join('')}</tr>`;
  });
  const foot = `<tr><th scope="row">${t('合计', 'Total')}</th>${rules.map((r) => `<td>${totals.get(r)}</td>`).join('')}</tr>`;
  return (
    `${head}<div class="rv-scroll"><table class="rv-matrix"><thead><tr><th>${t('报告', 'Report')}</th>${ruleHeads}</tr></thead>\n` +
    `<tbody>\n${rows.join('\n')}\n</tbody><tfoot>${foot}</tfoot></table></div></section>\n`
  );
}

/** Applications received per report, and how they were handled (stacked), from each report's Section 三 as published. */
function chartsHtml(checked: Entry[], locale: Locale): string {
  const t = (zh: string, en: string) => say(locale, zh, en);
  const drawn = checked
    .filter((e) => e.figures?.received !== undefined)
    .sort((a, b) => b.figures!.received! - a.figures!.received! || reportLabel(a).localeCompare(reportLabel(b), 'zh'));
  const shown = drawn.slice(0, MAX_BARS);
  const labels = shortNames(shown);
  const missing = checked.filter((e) => e.figures?.received === undefined);
  const note = (list: Entry[], text: string) =>
    list.length
      ? `<details class="rv-missing"><summary>${text}</summary><ul>${list.map((e) => `<li><a href="#${e.id}">${escapeHtml(e.file)}</a></li>`).join('')}</ul></details>\n`
      : '';
  const capped =
    drawn.length > shown.length
      ? `<p class="rv-hint">${t(`只画出新收申请最多的 ${shown.length} 份报告（共 ${drawn.length} 份），其余见概览。`, `The ${shown.length} reports with the most applications are drawn (of ${drawn.length}); the overview lists the rest.`)}</p>\n`
      : '';
  const received = shown.length
    ? barChart(
        shown.map((e) => ({ label: labels.get(e)!, href: `#${e.id}`, parts: [e.figures!.received!] })),
        { title: t('本年新收政府信息公开申请数量', 'Applications received this year'), legend: [], colors: RECEIVED_COLOR },
      )
    : `<p>${t('没有可读的第三部分数字。', 'No readable Section 三 figures.')}</p>`;
  const handledEntries = shown.filter((e) => e.figures?.handled);
  const legend: string[] = [];
  for (const e of handledEntries) for (const g of e.figures!.handled!) if (!legend.includes(g.label)) legend.push(g.label);
  const handledBars: Bar[] = handledEntries.map((e) => {
    const byLabel = new Map(e.figures!.handled!.map((g) => [g.label, g.count]));
    return { label: labels.get(e)!, href: `#${e.id}`, parts: legend.map((l) => byLabel.get(l) ?? 0) };
  });
  const handled = handledBars.length
    ? barChart(handledBars, { title: t('本年度办理结果', 'How the applications were handled'), legend, colors: HANDLED_COLORS })
    : '';
  const unhandled = shown.filter((e) => !e.figures?.handled);
  return (
    `<section id="charts"><h2>${t('图表', 'Charts')}</h2>\n<div class="rv-charts">` +
    `<figure id="chart-received"><figcaption>${t('本年新收政府信息公开申请数量（第三部分“一、”总计列）', 'Applications received this year (Section 三, row 一, 总计)')}</figcaption>${received}</figure>\n` +
    `<figure id="chart-handled"><figcaption>${t('办理结果（第三部分“三、本年度办理结果”总计列，按类别叠加）', 'How they were handled (Section 三, results, 总计 column, stacked by kind)')}</figcaption>${handled}</figure></div>\n` +
    capped +
    note(
      missing,
      t(
        `${missing.length} 份报告没有可读的“本年新收”数字，未画出`,
        `${missing.length} reports without a readable “received” figure are not drawn`,
      ),
    ) +
    note(
      unhandled,
      t(
        `${unhandled.length} 份报告的办理结果有无法读取的格子，未画出`,
        `${unhandled.length} reports with an unreadable result cell are not drawn in the second chart`,
      ),
    ) +
    '</section>\n'
  );
}

/**
 * A report's details, collapsed: its status and counts; each standard table as published with the wrong cells marked
 * and the messages (with their places) beside it; then the findings not on a table cell, with their places.
 */
function reportDetails(id: string, result: FileResult, checked: CheckResult | undefined, locale: Locale): string {
  const t = (zh: string, en: string) => say(locale, zh, en);
  const m = messagesFor(locale);
  const counts = countBySeverity(result.findings);
  // The CLI's findings are the core's, located, in the same order.
  const located = new Map<Finding, LocatedFinding>(checked ? checked.findings.map((f, i) => [f, result.findings[i]]) : []);
  const marks = new FindingMarks((f) => {
    const where = located.get(f);
    return where && placeOf(where, locale);
  });
  const placed = new Set<LocatedFinding>();
  const tables = (checked?.report.sections.flatMap((s) => s.tables) ?? []).map((table) => {
    const layout = tableLayout(table, checked!.findings);
    for (const cell of [...layout.header.flat(), ...layout.body.flat()]) for (const f of cell.findings) placed.add(located.get(f)!);
    for (const f of layout.notes) placed.add(located.get(f)!);
    // A Section 二 table has its item as caption; the others are named by their section.
    const name = layout.caption ? '' : `<h4>${escapeHtml(say(locale, table.def.name.zh, table.def.name.en))}</h4>`;
    return `<div class="rv-table">${name}${renderTableHtml(layout, marks)}</div>\n`;
  });
  const others = result.findings.filter((f) => !placed.has(f));
  const list = others.length
    ? `<h4>${tables.length ? t('其他问题', 'Other findings') : t('问题', 'Findings')}</h4><ol class="rv-findings">${others
        .map(
          (f) =>
            `<li class="rv-${f.severity}" data-rule="${escapeHtml(f.rule)}"><span class="rv-place">${escapeHtml(placeOf(f, locale))}</span> <span class="rv-severity">${m.severity[f.severity]}</span> ${escapeHtml(f.message)} <code>${escapeHtml(f.rule)}</code></li>`,
        )
        .join('')}</ol>\n`
    : '';
  const meta = [result.agency, result.year ?? undefined, editionLabel(result.edition, locale)].filter((x) => x !== undefined && x !== '');
  const summary =
    `${statusBadge(statusOf(counts), locale)} <span class="rv-file">${escapeHtml(result.file)}</span> <span class="rv-meta">${escapeHtml(meta.join(' · '))}</span>` +
    ` <span class="rv-counts">${t(`${counts.error} 错误 · ${counts.warning} 警告 · ${counts.info} 提示`, `${counts.error} errors · ${counts.warning} warnings · ${counts.info} info`)}</span>`;
  const empty =
    !tables.length && !others.length ? `<p>${t('没有发现问题，也没有标准表格。', 'No finding and no standard table.')}</p>` : '';
  return `<details class="rv-report rv-${statusOf(counts)}" id="${id}"><summary>${summary}</summary>\n${tables.join('')}${list}${empty}</details>\n`;
}

const PAGE_CSS = `
body { margin: 0; font-family: "Noto Sans CJK SC", "WenQuanYi Micro Hei", "Microsoft YaHei", "PingFang SC", sans-serif; font-size: 14px; color: #222; background: #f6f6f6; }
header.rv-header, section { max-width: 1200px; margin: 0 auto; padding: 0.5em 1.2em; }
section { scroll-margin-top: 7em; }
header.rv-header { position: sticky; top: 0; z-index: 2; background: #fff; box-shadow: 0 1px 3px #0002; max-width: none; }
h1 { font-size: 20px; margin: 0.3em 0; } h2 { font-size: 17px; border-bottom: 1px solid #ccc; padding-bottom: 0.2em; } h4 { margin: 0.8em 0 0.2em; }
nav a { margin-right: 1em; }
.rv-totals { display: flex; flex-wrap: wrap; gap: 0.6em; margin: 0.4em 0; }
.rv-total { border-radius: 6px; padding: 0.3em 0.8em; background: #eceff1; } .rv-total b { font-size: 20px; margin-right: 0.3em; }
.rv-total.rv-error b { color: #c62828; } .rv-total.rv-warning b { color: #e65100; } .rv-total.rv-info b { color: #1565c0; } .rv-total.rv-failed b { color: #6a1b9a; }
.rv-badge { display: inline-block; border-radius: 3px; padding: 0 0.4em; font-size: 12px; color: #fff; white-space: nowrap; }
.rv-badge.rv-failed { background: #6a1b9a; } .rv-badge.rv-error { background: #c62828; } .rv-badge.rv-warning { background: #e65100; }
.rv-badge.rv-info { background: #1565c0; } .rv-badge.rv-ok { background: #2e7d32; }
table.rv-list, table.rv-matrix { border-collapse: collapse; background: #fff; }
table.rv-list th, table.rv-list td, table.rv-matrix th, table.rv-matrix td { border: 1px solid #ddd; padding: 0.2em 0.5em; text-align: left; }
table.rv-sortable th { cursor: pointer; background: #eceff1; } table.rv-sortable th[data-dir="asc"]::after { content: " ▲"; } table.rv-sortable th[data-dir="desc"]::after { content: " ▼"; }
td.rv-rules code { font-size: 12px; }
.rv-scroll { overflow: auto; max-height: 80vh; }
table.rv-matrix thead th { position: sticky; top: 0; background: #eceff1; }
table.rv-matrix th.rv-rule span { writing-mode: vertical-rl; white-space: nowrap; font-weight: normal; font-size: 12px; }
table.rv-matrix td { text-align: center; min-width: 1.6em; }
td.rv-hit.rv-error { background: #fdecea; } td.rv-hit.rv-warning { background: #fff3e0; } td.rv-hit.rv-info { background: #e3f2fd; }
.rv-charts { display: flex; flex-wrap: wrap; gap: 1em; } figure { margin: 0; background: #fff; padding: 0.5em; overflow-x: auto; }
figcaption { font-weight: bold; margin-bottom: 0.4em; }
svg.rv-chart text { font-size: 12px; fill: #222; } svg.rv-chart a:hover text { text-decoration: underline; }
details.rv-report { background: #fff; margin: 0.3em 0; padding: 0.3em 0.6em; border-left: 4px solid #ccc; scroll-margin-top: 9em; }
details.rv-report.rv-error { border-left-color: #c62828; } details.rv-report.rv-warning { border-left-color: #e65100; }
details.rv-report.rv-failed { border-left-color: #6a1b9a; } details.rv-report.rv-ok { border-left-color: #2e7d32; } details.rv-report.rv-info { border-left-color: #1565c0; }
details.rv-report > summary { cursor: pointer; } .rv-meta, .rv-counts { color: #555; margin-left: 0.5em; }
.rv-table { display: grid; grid-template-columns: minmax(0, 1fr) minmax(14em, 22em); column-gap: 1em; align-items: start; }
.rv-table > h4 { grid-column: 1 / -1; }
.rv-table > table { grid-column: 1; grid-row: span 3; }
.rv-table > h4 + table { grid-row: 2 / span 3; }
.rv-table > ol, .rv-table > p { grid-column: 2; }
ol.govreport-findings { margin: 0.8em 0; padding-left: 2em; }
.govreport-place, .rv-place { color: #555; font-size: 12px; } .rv-severity { font-weight: bold; }
ol.rv-findings li.rv-error .rv-severity { color: #c62828; } ol.rv-findings li.rv-warning .rv-severity { color: #e65100; } ol.rv-findings li.rv-info .rv-severity { color: #1565c0; }
.rv-hint { color: #555; }
.rv-unchecked, .rv-skipped { font-size: 13px; } .rv-unchecked ul, .rv-skipped ul { max-height: 30vh; overflow: auto; margin: 0.2em 0; }
@media print { header.rv-header { position: static; } details.rv-report { break-inside: avoid; } }
`;

/** Sorting by a column heading, and opening the report a link points at (its details are collapsed). */
const PAGE_SCRIPT = `
for (const th of document.querySelectorAll('table.rv-sortable th')) {
  th.addEventListener('click', () => {
    const body = th.closest('table').tBodies[0];
    const column = th.cellIndex;
    const direction = th.dataset.dir === 'asc' ? -1 : 1;
    for (const other of th.parentElement.cells) delete other.dataset.dir;
    th.dataset.dir = direction === 1 ? 'asc' : 'desc';
    const key = (row) => row.cells[column].dataset.v ?? row.cells[column].textContent;
    const numeric = th.dataset.type === 'n';
    const rows = [...body.rows].sort((a, b) => direction * (numeric ? key(a) - key(b) : key(a).localeCompare(key(b), 'zh')));
    body.append(...rows);
  });
}
function reveal() {
  const target = location.hash && document.getElementById(decodeURIComponent(location.hash.slice(1)));
  if (!target) return;
  for (let d = target.closest('details'); d; d = d.parentElement.closest('details')) d.open = true;
  target.scrollIntoView();
}
addEventListener('hashchange', reveal);
reveal();
`;
