import type { Report } from '../model';
import { type Term, evaluate } from '../relations';
import type { RelationDef } from '../standard';
import type { Message, Rule, RuleFinding } from './types';
import { allTables, formatNumber, msg, quote, replace } from './util';

function showTerms(terms: Term[]): string {
  const shown = terms.filter((t) => t.value !== 0);
  if (shown.length === 0) return '0';
  return shown.map((t, i) => `${i === 0 ? (t.negative ? '−' : '') : t.negative ? ' − ' : ' + '}${formatNumber(t.value)}`).join('');
}

const WHAT: Record<RelationDef['rule'], { zh: (c: string) => string; en: (c: string) => string }> = {
  'row-total': { zh: (c) => `${quote(c)}行的总计`, en: (c) => `the total of row ${quote(c)}` },
  'results-total': { zh: (c) => `${quote(c)}列的（七）总计`, en: (c) => `(七) total of column ${quote(c)}` },
  balance: { zh: (c) => `${quote(c)}列的“四、结转下年度继续办理”`, en: (c) => `row 四 (carried forward) of column ${quote(c)}` },
  'review-total': { zh: (c) => `${quote(c)}的总计`, en: (c) => `the total of ${quote(c)}` },
};

/** The findings of one arithmetic rule: one per failing relation, with the computed value as the preferred fix. */
export function relationFindings(report: Report, rule: RelationDef['rule']): RuleFinding[] {
  const findings: RuleFinding[] = [];
  for (const table of allTables(report)) {
    for (const r of evaluate(table)) {
      if (r.relation.rule !== rule || r.status !== 'mismatch') continue;
      const actual = (r.cell.value as { value: number }).value;
      const expected = formatNumber(r.expected);
      const what = WHAT[rule];
      const canFix = r.reliable && r.expected >= 0;
      findings.push({
        span: r.cell.span,
        message: msg(
          `${what.zh(r.context)}应为 ${expected}（${showTerms(r.terms)}），实为 ${formatNumber(actual)}`,
          `${what.en(r.context)} should be ${expected} (${showTerms(r.terms)}), found ${formatNumber(actual)}`,
        ),
        expected: r.expected,
        actual,
        terms: r.terms.map((t) => (t.negative ? -t.value : t.value)),
        fixes: canFix ? [{ title: msg(`改为 ${expected}`, `Change to ${expected}`), edits: [replace(r.cell.span, expected)] }] : [],
      });
    }
  }
  return findings;
}

/** The four arithmetic rules differ only in which relation of the standard they report. */
export function arithmeticRule(id: RelationDef['rule'], description: Message): Rule {
  return {
    id,
    severity: 'error',
    description,
    fixDescription: id === 'balance'
      ? msg('改为使等式成立的值（仅当该列（七）总计正确时）', 'Set the value that balances (only where the column’s (七) total holds)')
      : msg('改为计算所得的值', 'Replace the total with the computed value'),
    check: (report) => relationFindings(report, id),
  };
}
