import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { version } from '../../../package.json';
import { type CheckResult, type Rule, RULES } from '../core';
import type { Locale, Severity } from '../shared/settings';
import { BATCH_FORMATS, type BatchFormat, batchReporter, isBatchFormat } from './batch-formats';
import { type Messages, messagesFor } from './messages';
import { type FileResult, type LocatedFinding, countBySeverity, sourcePlaceText } from './results';
import { displayWidth, padEnd } from './width';

export type Format = 'text' | 'json' | 'sarif' | BatchFormat;
export const FORMATS: Format[] = ['text', 'json', 'sarif', ...BATCH_FORMATS];

/** Receives the files one by one as they are checked, so nothing but the summary is held. */
export interface Reporter {
  /** A checked file; `checked` (its report and findings as the core gives them) for the formats that show its tables. */
  file(result: FileResult, checked?: CheckResult): void;
  /** A file that could not be checked, with the one-line message naming it (also shown on stderr). */
  failure(file: string, message: string): void;
  /** A file a folder walk found that does not look like a report (not checked; stderr names it). */
  notReport?(file: string): void;
  end(): void;
}

export type Write = (text: string) => void;

export interface ReporterOptions {
  write: Write;
  locale: Locale;
  color: boolean;
  cwd: string;
}

export function createReporter(format: Format, options: ReporterOptions): Reporter {
  if (format === 'json') return jsonReporter(options);
  if (format === 'sarif') return sarifReporter(options);
  if (isBatchFormat(format)) return batchReporter(format, options);
  return textReporter(options);
}

const ANSI = { red: 31, yellow: 33, blue: 34, green: 32, dim: 2, underline: 4, bold: 1 } as const;

/** eslint's "stylish" layout: the file, then one aligned line per finding, then a summary. */
function textReporter({ write, locale, color }: ReporterOptions): Reporter {
  const m: Messages = messagesFor(locale);
  const paint = (style: keyof typeof ANSI, text: string) => (color ? `\x1b[${ANSI[style]}m${text}\x1b[0m` : text);
  const severityColor: Record<Severity, keyof typeof ANSI> = { error: 'red', warning: 'yellow', info: 'blue' };
  const all = { error: 0, warning: 0, info: 0 };
  /** Files checked, and files that could not be. */
  let files = 0;
  let failed = 0;
  let notReports = 0;
  return {
    file({ file, findings }) {
      files++;
      if (findings.length === 0) return;
      const counts = countBySeverity(findings);
      for (const s of ['error', 'warning', 'info'] as const) all[s] += counts[s];
      const positions = findingPositions(findings, m);
      const positionWidth = Math.max(...positions.map(displayWidth));
      const severityWidth = Math.max(...findings.map((f) => displayWidth(m.severity[f.severity])));
      const messages = findings.map((f) => f.message.replace(/\s*\n\s*/g, ' '));
      const messageWidth = Math.max(...messages.map(displayWidth));
      const lines = findings.map((f, i) => {
        const position = paint('dim', padEnd(positions[i], positionWidth));
        const severity = paint(severityColor[f.severity], padEnd(m.severity[f.severity], severityWidth));
        return `  ${position}  ${severity}  ${padEnd(messages[i], messageWidth)}  ${paint('dim', f.rule)}`;
      });
      write(`\n${paint('underline', file)}\n${lines.join('\n')}\n`);
    },
    failure(file, message) {
      failed++;
      const reason = message.startsWith(file) ? message.slice(file.length).replace(/^[：:]\s*/, '') : message;
      write(`\n${paint('underline', file)}\n  ${paint('red', m.failedLabel)}  ${reason}\n`);
    },
    notReport() {
      notReports++;
    },
    end() {
      const total = all.error + all.warning + all.info;
      let summary: string;
      if (total > 0) {
        const unchecked = failed ? `${m.summarySeparator}${m.unchecked(failed)}` : '';
        summary = paint(all.error || failed ? 'red' : 'yellow', paint('bold', m.problems(all, files) + unchecked));
      } else {
        summary = failed ? paint('red', paint('bold', m.onlyUnchecked(failed, files + failed))) : paint('green', m.noProblems(files));
      }
      write(`${total === 0 && failed === 0 ? '' : '\n'}${summary}\n`);
      if (notReports) write(`${paint('dim', m.notReports(notReports))}\n`);
    },
  };
}

/** Each finding's place as text: `line:column` (lines right-aligned, columns left), else the page or the table cell of the source. */
function findingPositions(findings: LocatedFinding[], m: Messages): string[] {
  const lined = findings.filter((f) => f.line !== undefined);
  const lineWidth = Math.max(0, ...lined.map((f) => String(f.line).length));
  const columnWidth = Math.max(0, ...lined.map((f) => String(f.column).length));
  return findings.map((f) => {
    if (f.line !== undefined) return `${String(f.line).padStart(lineWidth)}:${String(f.column).padEnd(columnWidth)}`;
    return sourcePlaceText(f, m) ?? '-';
  });
}

/**
 * A JSON array with one object per file, written as the files come: `{file, checked: false, error}` for one that could
 * not be checked.
 */
function jsonReporter({ write }: ReporterOptions): Reporter {
  let first = true;
  const item = (value: object) => {
    write(`${first ? '[\n' : ',\n'}${JSON.stringify(value, null, 2).replace(/^/gm, '  ')}`);
    first = false;
  };
  return {
    file: item,
    failure: (file, error) => item({ file, checked: false, error }),
    end() {
      write(first ? '[]\n' : '\n]\n');
    },
  };
}

const SARIF_LEVEL: Record<Severity, 'error' | 'warning' | 'note'> = { error: 'error', warning: 'warning', info: 'note' };

function ruleHelp(rule: Rule, lang: 'zh' | 'en', strong: string): string {
  const fix = rule.fixDescription
    ? `${lang === 'zh' ? '修复：' : 'Fix: '}${rule.fixDescription[lang]}`
    : lang === 'zh'
      ? '无自动修复。'
      : 'No automatic fix.';
  return `${strong}${rule.id}${strong}: ${rule.description[lang]}\n\n${fix}`;
}

/** A file's location: relative to the working directory where it lies under it (as code scanning wants), else absolute. */
function artifactLocation(file: string, cwd: string): { uri: string; uriBaseId?: string } {
  const absolute = path.resolve(cwd, file);
  const relative = path.relative(cwd, absolute);
  if (relative.startsWith('..') || path.isAbsolute(relative)) return { uri: pathToFileURL(absolute).href };
  return { uri: relative.split(path.sep).map(encodeURIComponent).join('/'), uriBaseId: '%SRCROOT%' };
}

/** Where in a Word file or a PDF a finding stands (SARIF regions have only lines): for the result's properties. */
function sourcePlace(f: LocatedFinding): object | undefined {
  const place = { page: f.page, box: f.box, table: f.table, row: f.row, cell: f.cell, paragraph: f.paragraph };
  const present = Object.entries(place).filter(([, value]) => value !== undefined);
  return present.length ? Object.fromEntries(present) : undefined;
}

/** SARIF 2.1.0 as GitHub code scanning reads it: one run, rule metadata from RULES, results streamed per file. */
function sarifReporter({ write, locale, cwd }: ReporterOptions): Reporter {
  const lang = locale === 'en' ? 'en' : 'zh';
  const ruleIndex = new Map(RULES.map((r, i) => [r.id, i]));
  const driver = {
    name: 'govreport',
    version,
    rules: RULES.map((rule) => ({
      id: rule.id,
      shortDescription: { text: rule.description[lang] },
      // The rule's documentation travels with the log (the project has no public web address to link to).
      help: { text: ruleHelp(rule, lang, ''), markdown: ruleHelp(rule, lang, '**') },
      defaultConfiguration: { level: SARIF_LEVEL[rule.severity] },
    })),
  };
  const notifications: object[] = [];
  let first = true;
  write(
    `{\n"$schema": "https://json.schemastore.org/sarif-2.1.0.json",\n"version": "2.1.0",\n"runs": [{\n` +
      `"tool": ${JSON.stringify({ driver })},\n` +
      `"originalUriBaseIds": ${JSON.stringify({ '%SRCROOT%': { uri: pathToFileURL(cwd + path.sep).href } })},\n` +
      `"columnKind": "utf16CodeUnits",\n"results": [`,
  );
  return {
    file(result) {
      const location = artifactLocation(result.file, cwd);
      for (const f of result.findings) {
        const sarif = {
          ruleId: f.rule,
          ...(ruleIndex.has(f.rule) && { ruleIndex: ruleIndex.get(f.rule) }),
          level: SARIF_LEVEL[f.severity],
          message: { text: f.message },
          locations: [
            {
              physicalLocation: {
                artifactLocation: location,
                ...(f.line !== undefined && {
                  region: { startLine: f.line, startColumn: f.column, endLine: f.endLine, endColumn: f.endColumn },
                }),
              },
            },
          ],
          ...(sourcePlace(f) && { properties: sourcePlace(f) }),
        };
        write(`${first ? '\n' : ',\n'}${JSON.stringify(sarif)}`);
        first = false;
      }
    },
    failure(file, message) {
      notifications.push({
        level: 'error',
        message: { text: message },
        locations: [{ physicalLocation: { artifactLocation: artifactLocation(file, cwd) } }],
      });
    },
    end() {
      const invocation = {
        executionSuccessful: notifications.length === 0,
        ...(notifications.length && { toolExecutionNotifications: notifications }),
      };
      write(`\n],\n"invocations": [${JSON.stringify(invocation)}]\n}]\n}\n`);
    },
  };
}
