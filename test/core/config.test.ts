import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { check } from '../../server/src/core';
import { readSettings } from '../../server/src/shared/settings';

const mistakes = readFileSync(join(__dirname, '..', '..', 'examples', 'mistakes-2021.report.md'), 'utf8');
const clean = readFileSync(join(__dirname, '..', '..', 'examples', 'clean-2021.report.md'), 'utf8');
const rules = (text: string, settings = {}) => check(text, settings).findings.map((f) => f.rule);

describe('settings', () => {
  it('a rule can be turned off or given another severity', () => {
    assert.ok(rules(mistakes).includes('period'));
    assert.ok(!rules(mistakes, { rules: { period: 'off' } }).includes('period'));
    const finding = check(mistakes, { rules: { 'fee-disclosure': 'error' } }).findings.find((f) => f.rule === 'fee-disclosure');
    assert.equal(finding?.severity, 'error');
  });

  it('messages are Chinese by default and English on request', () => {
    const zh = check(mistakes).findings.find((f) => f.rule === 'review-total')!;
    const en = check(mistakes, { locale: 'en' }).findings.find((f) => f.rule === 'review-total')!;
    // 3 + 1 + 0 + 1 against a total of 6: any of the five cells may be the wrong one (localization), so no fix.
    const candidates =
      '“行政复议 · 结果维持”为 4，或“行政复议 · 结果纠正”为 2，或“行政复议 · 其他结果”为 1，或“行政复议 · 尚未审结”为 2，等 5 种可能';
    assert.equal(zh.message, `“行政复议”的总计应为 5（3 + 1 + 1），实为 6；无法确定哪一格有误，可能是${candidates}`);
    assert.match(
      en.message,
      /^the total of “行政复议” should be 5 \(3 \+ 1 \+ 1\), found 6; which cell is wrong cannot be told: “行政复议 · 结果维持” = 4; or /,
    );
    assert.equal(zh.fixes.length, 0);
    assert.deepEqual([zh.expected, zh.actual, zh.terms], [5, 6, [3, 1, 0, 1]]);
  });

  it('a year or edition setting overrides what the draft says', () => {
    assert.deepEqual(rules(clean), []);
    const as2020 = check(clean, { year: 2020 });
    assert.equal(as2020.report.edition, '2019');
    assert.ok(
      as2020.findings.some((f) => f.rule === 'edition-mismatch'),
      'a 2021-edition table in a 2020 report',
    );
    assert.equal(check(clean, { edition: '2019' }).report.edition, '2019');
  });

  it('invalid settings fall back to their defaults, each one named', () => {
    const { settings, problems } = readSettings({ locale: 'fr', year: 'soon', rules: { period: 'loud', 'row-total': 'warning' } });
    assert.equal(settings.locale, 'zh-CN');
    assert.equal(settings.year, null);
    assert.deepEqual(settings.rules, { 'row-total': 'warning' });
    assert.ok(problems.some((p) => p.startsWith('locale')) && problems.some((p) => p.startsWith('year')));
    assert.deepEqual(readSettings(undefined).problems, []);
  });
});

describe('inline comments', () => {
  const lines = mistakes.split('\n');
  const periodLine = lines.findIndex((l) => l.includes('统计期限'));
  const withLine = (i: number, comment: string) => [...lines.slice(0, i), comment, ...lines.slice(i)].join('\n');

  it('govreport-disable-next-line silences one rule on the next line only', () => {
    assert.ok(!rules(withLine(periodLine, '<!-- govreport-disable-next-line period -->')).includes('period'));
    assert.ok(rules(withLine(periodLine, '<!-- govreport-disable-next-line signing-date -->')).includes('period'));
    assert.ok(rules(withLine(periodLine - 1, '<!-- govreport-disable-next-line period -->')).includes('period'));
  });

  it('govreport-disable … govreport-enable silences a region; without a rule name, every rule', () => {
    const region = withLine(periodLine + 1, '<!-- govreport-enable -->');
    const disabled = withLine(periodLine, '<!-- govreport-disable period -->').replace(
      lines[periodLine + 1],
      `<!-- govreport-enable period -->\n${lines[periodLine + 1]}`,
    );
    assert.ok(!rules(disabled).includes('period'));
    assert.ok(rules(disabled).includes('review-total'), 'a rule not named is not silenced');
    const all = rules(`<!-- govreport-disable -->\n${mistakes}`);
    assert.deepEqual(all, []);
    assert.ok(rules(region).includes('period'));
  });
});
