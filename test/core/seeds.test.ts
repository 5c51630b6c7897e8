import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { ARITHMETIC_RULES, check, type Finding } from '../../server/src/core';

const FORMAT_RULES = [
  'section-missing',
  'section-order',
  'section-duplicate',
  'section-wording',
  'table-missing',
  'table-not-markdown',
  'table-shape',
  'row-missing',
  'row-unknown',
  'row-duplicate',
  'label-wording',
  'cell-blank',
  'edition-mismatch',
  'fee-disclosure',
  ...ARITHMETIC_RULES,
];

function seed(name: string) {
  const text = readFileSync(join(__dirname, '..', 'fixtures', 'seeds', name), 'utf8');
  const result = check(text);
  const of = (rule: string) => result.findings.filter((f) => f.rule === rule);
  const at = (f: Finding) => text.slice(f.span.start, f.span.end);
  return { text, ...result, of, at };
}

describe('seeds: what rules.md says they contain', () => {
  it('000 (塔城 2020, edition 2019, cell per line)', () => {
    const s = seed('000_62583aa41b8f3eed.txt');
    assert.equal(s.report.edition, '2019');
    assert.equal(s.of('table-not-markdown').length, 7, 'one per table: five in 二, one in 三, one in 四');
    const totals = s.of('results-total').map((f) => [f.message.match(/“(.+?)”列/)![1], f.expected, f.actual]);
    assert.deepEqual(totals, [
      ['商业企业', 111, 0],
      ['其他', 110, 109],
      ['总计', 435, 323],
    ]);
    assert.ok(
      s.of('results-total').every((f) => s.at(f) === String(f.actual)),
      'reported on the （七）总计 cells',
    );
    const blanks = s.of('cell-blank');
    assert.equal(blanks.length, 7);
    assert.ok(blanks.every((f) => s.at(f) === '四、结转下年度继续办理'));
    const shape = s.of('table-shape');
    assert.equal(shape.length, 1);
    assert.match(shape[0].message, /行政事业性收费.*3 个数值.*2 列/);
    assert.equal(s.at(s.of('signing-date')[0]), '2020年3月10日');
  });

  it('001 (苏家屯 2020, pipe rows without delimiter rows)', () => {
    const s = seed('001_f11dda0cfbad3174.txt');
    assert.ok(s.of('table-not-markdown').length >= 1);
    assert.deepEqual(
      s.of('label-wording').map((f) => s.at(f)),
      [
        '一、本年新收到政府信息公开申请数量',
        '二、上年结转政府信息公开数量',
        '3.危机“三安全一稳定”',
        '7.属于行政法案卷',
        '2.没有现成信息需另行制作',
      ],
    );
    assert.equal(s.of('title-missing').length, 1);
    assert.deepEqual(
      s.findings.filter((f) => ARITHMETIC_RULES.includes(f.rule)),
      [],
      'its totals hold',
    );
  });

  it('002 (和田 2021, cell per line, converter debris)', () => {
    const s = seed('002_0dabcd11a12b22e6.txt');
    assert.equal(s.report.edition, '2021');
    assert.ok(s.of('table-not-markdown').length >= 1);
    const debris = s.of('cell-not-number');
    assert.equal(debris.length, 1);
    assert.equal(s.at(debris[0]), '[bookmark: _GoBack]22');
    assert.deepEqual(
      debris[0].fixes[0].edits.map((e) => e.newText),
      ['22'],
    );
    assert.equal(s.of('fee-disclosure').length, 1);
    assert.deepEqual(
      s.findings.filter((f) => ARITHMETIC_RULES.includes(f.rule)),
      [],
    );
  });

  it('003 (塔城 2017, before the national format)', () => {
    const s = seed('003_add447287257bd48.txt');
    assert.equal(s.report.edition, 'pre2019');
    assert.equal(s.at(s.of('period')[0]), '2017年1月1日起至2017年12月1日');
    assert.deepEqual(
      s.findings.filter((f) => FORMAT_RULES.includes(f.rule)).map((f) => f.rule),
      [],
    );
  });

  it('004 (新疆 2021, Traditional Chinese, tables emptied)', () => {
    const s = seed('004_3c37fa3851a0a726.txt');
    assert.equal(s.report.edition, '2021');
    assert.equal(s.of('title-missing').length, 1);
    assert.deepEqual(
      s.of('table-missing').map((f) => s.at(f)),
      ['二、主動公開政府信息情況', '四、政府信息公開行政複議、行政訴訟情況'],
    );
    const blank = s.of('cell-blank');
    assert.equal(blank.length, 1, 'one finding for the emptied table, not one per cell');
    assert.match(blank[0].message, /175/);
    assert.deepEqual(
      s.of('section-missing').map((f) => f.message),
      ['缺少“六、其他需要报告的事项”部分'],
    );
    assert.deepEqual(s.of('section-wording'), [], 'a Traditional heading is the standard heading');
  });
});
