import { say } from '../shared/i18n';
import { type Settings, type Severity, readSettings } from '../shared/settings';
import type { Report, Span, Suspect, TextEdit } from './model';
import type { ReaderNote } from './readers/types';
import { type ParseOptions, parseReport } from './parse/report';
import { lineAt } from './parse/text';
import { RULES } from './rules';
import type { Rule, RuleContext, RuleFix } from './rules/types';

export interface Fix {
  title: string;
  edits: TextEdit[];
  safe: boolean;
}

export interface Finding {
  rule: string;
  severity: Severity;
  span: Span;
  message: string;
  expected?: number;
  actual?: number | string;
  terms?: number[];
  /** Arithmetic: the smallest explanations of the table's failing sums (at most 12), plausible typos first. */
  suspects?: Suspect[];
  /** Preferred first. */
  fixes: Fix[];
  /** Checks across reports: the other report (its `source`, as given to `check`) and the place there compared with. */
  related?: { source?: string; span: Span };
}

export interface CheckResult {
  report: Report;
  findings: Finding[];
}

function severityOf(rule: Rule, settings: Settings): Severity | 'off' {
  return settings.rules[rule.id] ?? rule.severity;
}

/** A rule's fix in the locale of the run; edits a rule gives as a function are made on first use, once. */
function fixOf(fix: RuleFix, locale: Settings['locale']): Fix {
  const title = say(locale, fix.title.zh, fix.title.en);
  const safe = fix.safe ?? true;
  const make = fix.edits;
  if (typeof make !== 'function') return { title, edits: make, safe };
  let edits: TextEdit[] | undefined;
  return {
    title,
    get edits() {
      edits ??= make();
      return edits;
    },
    safe,
  };
}

/** Whether `<!-- govreport-disable … -->` comments silence `rule` on `line`. */
function suppressed(report: Report, rule: string, line: number): boolean {
  let off = false;
  for (const d of report.directives) {
    const names = d.rules.length === 0 || d.rules.includes(rule);
    if (!names) continue;
    if (d.kind === 'disable-next-line') {
      if (d.line + 1 === line) return true;
    } else if (d.line <= line) {
      off = d.kind === 'disable';
    }
  }
  return off;
}

/** What the settings fix about a report before it is read: its year and edition. */
export function parseOptions(settings: Settings): ParseOptions {
  return { year: settings.year ?? undefined, edition: settings.edition === 'auto' ? undefined : settings.edition };
}

export interface CheckOptions {
  /** The other reports of the run, for the checks across reports. */
  others?: readonly Report[];
  /** What the reader of a web page, Word file or PDF told about it (carried on the report for the rules). */
  notes?: readonly ReaderNote[];
  /** The file or document the text is from (kept on the report: a finding about another report names it). */
  source?: string;
}

/** Text and settings in, the report model and its findings out. */
export function check(text: string, input: Partial<Settings> | Settings = {}, options: CheckOptions = {}): CheckResult {
  const { settings } = readSettings(input);
  const report = parseReport(text, parseOptions(settings));
  if (options.notes?.length) report.notes = options.notes;
  if (options.source !== undefined) report.source = options.source;
  const context: RuleContext = { settings, others: options.others ?? [] };
  const findings: Finding[] = [];
  for (const rule of RULES) {
    const severity = severityOf(rule, settings);
    if (severity === 'off') continue;
    for (const f of rule.check(report, context)) {
      if (report.directives.length && suppressed(report, rule.id, lineAt(report.lineStarts, f.span.start))) continue;
      const finding: Finding = {
        rule: rule.id,
        severity: f.note ? 'info' : severity,
        span: f.span,
        message: say(settings.locale, f.message.zh, f.message.en),
        fixes: f.fixes ? f.fixes.map((x) => fixOf(x, settings.locale)) : [],
      };
      if (f.expected !== undefined) finding.expected = f.expected;
      if (f.actual !== undefined) finding.actual = f.actual;
      if (f.terms) finding.terms = f.terms;
      if (f.suspects) finding.suspects = f.suspects;
      if (f.related) finding.related = { source: f.related.report.source, span: f.related.span };
      findings.push(finding);
    }
  }
  findings.sort((a, b) => a.span.start - b.span.start || a.span.end - b.span.end || (a.rule < b.rule ? -1 : a.rule > b.rule ? 1 : 0));
  return { report, findings };
}
