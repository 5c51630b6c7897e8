import * as path from 'node:path';
import { say } from '../shared/i18n';
import type { Locale, Severity } from '../shared/settings';
import type { Reporter, ReporterOptions } from './formats';
import { CSV_BOM, csvLine } from './csv';
import { messagesFor } from './messages';
import { reviewReporter } from './review';
import type { LocatedFinding } from './results';
import { countBySeverity, sourcePlaceText } from './results';
import { displayWidth, padEnd } from './width';

/**
 * Formats for a whole run: a line per report, a row per finding, a JUnit report, GitHub workflow annotations, a review
 * page.
 */
export const BATCH_FORMATS = ['summary', 'csv', 'junit', 'github', 'html'] as const;
export type BatchFormat = (typeof BATCH_FORMATS)[number];

export function isBatchFormat(format: string): format is BatchFormat {
  return (BATCH_FORMATS as readonly string[]).includes(format);
}

export function batchReporter(format: BatchFormat, options: ReporterOptions): Reporter {
  if (format === 'summary') return summaryReporter(options);
  if (format === 'csv') return csvReporter(options);
  if (format === 'junit') return junitReporter(options);
  if (format === 'html') return reviewReporter(options);
  return githubReporter(options);
}

/** A finding's place in words: `line:column`, else the page or the table cell of a Word file or PDF. */
function placeOf(f: LocatedFinding, locale: Locale): string {
  return f.line !== undefined ? `${f.line}:${f.column}` : (sourcePlaceText(f, messagesFor(locale)) ?? '');
}

/** The rules that fired in a file, in order of first appearance, each once. */
const rulesOf = (findings: LocatedFinding[]) => [...new Set(findings.map((f) => f.rule))];

/** One line per report (agency, year, edition, errors, warnings, the rules that fired), then the count of each rule. */
function summaryReporter({ write, locale }: ReporterOptions): Reporter {
  const t = (zh: string, en: string) => say(locale, zh, en);
  const header = [
    t('文件', 'File'),
    t('机关', 'Agency'),
    t('年度', 'Year'),
    t('版本', 'Edition'),
    t('错误', 'Errors'),
    t('警告', 'Warnings'),
    t('规则', 'Rules'),
  ];
  const rows: string[][] = [];
  const perRule = new Map<string, number>();
  let notReports = 0;
  return {
    file({ file, agency, year, edition, findings }) {
      const counts = countBySeverity(findings);
      for (const f of findings) perRule.set(f.rule, (perRule.get(f.rule) ?? 0) + 1);
      rows.push([
        file,
        agency ?? '-',
        year === null ? '-' : String(year),
        edition,
        String(counts.error),
        String(counts.warning),
        rulesOf(findings).join(' ') || '-',
      ]);
    },
    failure(file, message) {
      rows.push([file, '-', '-', '-', '-', '-', message]);
    },
    notReport() {
      notReports++;
    },
    end() {
      const widths = header.map((h, i) =>
        Math.max(displayWidth(h), ...rows.map((r) => (i === header.length - 1 ? 0 : displayWidth(r[i])))),
      );
      const line = (cells: string[]) =>
        cells
          .map((c, i) => (i === cells.length - 1 ? c : padEnd(c, widths[i])))
          .join('  ')
          .trimEnd();
      write(`${[header, ...rows].map(line).join('\n')}\n`);
      const totals = [...perRule].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1));
      write(`\n${t('各规则合计', 'Per rule')}:${totals.length ? '' : ` ${t('无', 'none')}`}\n`);
      const ruleWidth = Math.max(0, ...totals.map(([rule]) => rule.length));
      for (const [rule, count] of totals) write(`  ${rule.padEnd(ruleWidth)}  ${count}\n`);
      if (notReports) write(`\n${messagesFor(locale).notReports(notReports)}\n`);
    },
  };
}

/** One row per finding; a report without findings and a file not checked get one row each (status says which). */
function csvReporter({ write }: ReporterOptions): Reporter {
  write(CSV_BOM + csvLine(['file', 'status', 'agency', 'year', 'edition', 'rule', 'severity', 'place', 'message', 'expected', 'actual']));
  return {
    file({ file, agency, year, edition, findings }) {
      const report = [file, 'checked', agency, year ?? undefined, edition];
      if (findings.length === 0) write(csvLine(report));
      for (const f of findings)
        write(
          csvLine([
            ...report,
            f.rule,
            f.severity,
            f.line !== undefined ? `${f.line}:${f.column}` : placeOfSource(f),
            f.message,
            f.expected,
            f.actual,
          ]),
        );
    },
    failure(file, message) {
      write(csvLine([file, 'not checked', undefined, undefined, undefined, undefined, undefined, undefined, message]));
    },
    end() {},
  };
}

/** The place of a finding in a Word file or PDF, in the language-neutral form of the JSON output. */
function placeOfSource(f: LocatedFinding): string | undefined {
  if (f.page !== undefined) return `page ${f.page}`;
  if (f.table !== undefined) return [`table ${f.table}`, f.row && `row ${f.row}`, f.cell && `cell ${f.cell}`].filter(Boolean).join(' ');
  if (f.paragraph !== undefined) return `paragraph ${f.paragraph}`;
  return undefined;
}

const xml = (text: string) =>
  text
    .replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c]!)
    .replace(/[\0-\x08\x0B\x0C\x0E-\x1F]/g, '');

/** JUnit XML as CI systems read it: a test suite per file, a failing test case per finding, an error where a file was not checked. */
function junitReporter({ write, locale }: ReporterOptions): Reporter {
  const suites: string[] = [];
  let tests = 0;
  let failures = 0;
  let errors = 0;
  return {
    file({ file, findings }) {
      const cases = findings.length
        ? findings.map((f) => {
            const where = placeOf(f, locale);
            return `    <testcase classname="${xml(file)}" name="${xml(`${f.rule}${where ? ` ${where}` : ''}`)}">\n      <failure type="${f.severity}" message="${xml(f.message)}">${xml(`${f.severity} ${f.rule} ${where}: ${f.message}`)}</failure>\n    </testcase>`;
          })
        : [`    <testcase classname="${xml(file)}" name="govreport"/>`];
      tests += cases.length;
      failures += findings.length;
      suites.push(
        `  <testsuite name="${xml(file)}" tests="${cases.length}" failures="${findings.length}" errors="0">\n${cases.join('\n')}\n  </testsuite>`,
      );
    },
    failure(file, message) {
      tests++;
      errors++;
      suites.push(
        `  <testsuite name="${xml(file)}" tests="1" failures="0" errors="1">\n    <testcase classname="${xml(file)}" name="govreport">\n      <error message="${xml(message)}"/>\n    </testcase>\n  </testsuite>`,
      );
    },
    end() {
      write(
        `<?xml version="1.0" encoding="UTF-8"?>\n<testsuites name="govreport" tests="${tests}" failures="${failures}" errors="${errors}">\n${suites.join('\n')}\n</testsuites>\n`,
      );
    },
  };
}

const COMMAND: Record<Severity, string> = { error: 'error', warning: 'warning', info: 'notice' };
/** Workflow-command escaping: data escapes %, CR and LF; properties also : and ,. */
const data = (text: string) => text.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
const property = (text: string) => data(text).replace(/:/g, '%3A').replace(/,/g, '%2C');

/** GitHub Actions workflow commands: an annotation per finding (and per file not checked) on the file's line. */
function githubReporter({ write, cwd, locale }: ReporterOptions): Reporter {
  const fileOf = (file: string) => {
    const relative = path.relative(cwd, path.resolve(cwd, file));
    return (relative.startsWith('..') || path.isAbsolute(relative) ? path.resolve(cwd, file) : relative).split(path.sep).join('/');
  };
  return {
    file({ file, findings }) {
      for (const f of findings) {
        const where = f.line !== undefined ? `,line=${f.line},col=${f.column},endLine=${f.endLine},endColumn=${f.endColumn}` : '';
        const place = f.line === undefined ? sourcePlaceText(f, messagesFor(locale)) : undefined;
        write(
          `::${COMMAND[f.severity]} file=${property(fileOf(file))}${where},title=${property(f.rule)}::${data(place ? `${place}: ${f.message}` : f.message)}\n`,
        );
      }
    },
    failure(file, message) {
      write(`::error file=${property(fileOf(file))},title=govreport::${data(message)}\n`);
    },
    end() {},
  };
}
