import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { parseReport, type Report, type Table } from '../../server/src/core';

const fixture = (name: string) => readFileSync(join(__dirname, '..', 'fixtures', name), 'utf8');
const tableOf = (report: Report, id: string): Table => report.sections.flatMap((s) => s.tables).find((t) => t.def.id === id)!;
const values = (table: Table, rowId: string) =>
  table.rows.find((r) => r.def?.id === rowId)!.values.map((c) => (c.value.kind === 'number' ? c.value.value : c.value.kind));

const clean = fixture('../../examples/clean-2021.report.md');

describe('parser: the canonical draft', () => {
  const report = parseReport(clean);
  it('finds title, year, edition, period, signing date and the six sections in order', () => {
    assert.equal(report.title?.text, '某某县人民政府2023年政府信息公开工作年度报告');
    assert.deepEqual(report.year, { value: 2023, source: 'title' });
    assert.equal(report.edition, '2021');
    assert.deepEqual([report.period?.start.month, report.period?.end.month, report.period?.end.day], [1, 12, 31]);
    assert.deepEqual([report.signingDate?.year, report.signingDate?.month, report.signingDate?.day], [2024, 1, 20]);
    assert.deepEqual(report.sections.map((s) => s.def.numeral).join(''), '一二三四五六');
  });
  it('reads every standard table with every row, and every cell at its exact place in the text', () => {
    const tables = report.sections.flatMap((s) => s.tables);
    assert.deepEqual(
      tables.map((t) => t.def.id),
      ['proactive.一', 'proactive.五', 'proactive.六', 'proactive.八', 'requests', 'appeals'],
    );
    for (const t of tables) {
      assert.deepEqual(
        t.rows.map((r) => r.def?.id),
        t.def.rows.map((r) => r.id),
        t.def.id,
      );
      for (const cell of t.rows.flatMap((r) => [...r.labels, ...r.values]))
        assert.equal(clean.slice(cell.span.start, cell.span.end), cell.text);
    }
    assert.deepEqual(values(tableOf(report, 'requests'), 'received'), [118, 21, 1, 1, 3, 5, 149]);
    assert.deepEqual(values(tableOf(report, 'proactive.八'), 'fees'), [12.5]);
  });
});

describe('parser: what pasted drafts look like', () => {
  it('reads a table copied out of a PDF: columns apart by spaces, a wrapped label, a page number', () => {
    const text = fixture('parse/pdf-columns.txt');
    const table = tableOf(parseReport(text), 'requests');
    assert.equal(table.layout, 'columns');
    assert.deepEqual(values(table, 'partly'), [1, 0, 0, 0, 0, 0, 1]);
    const partly = table.rows.find((r) => r.def?.id === 'partly')!;
    assert.match(partly.label!.text, /^（二）部分公开.*\n不计其他情形）$/s, 'the wrapped label is one label');
    assert.deepEqual(values(table, 'withheld.secret'), [0, 0, 0, 0, 0, 0, 0]);
  });

  it('reads a PDF label cut inside its brackets, its rest on the line after the numbers', () => {
    const text = [
      '三、收到和处理政府信息公开申请情况',
      '（二）部分公开（区分处理的，只计这一情形，      1      0      0      0      0      0      1',
      '不计其他情形）',
      '（三）不予公开   1.属于国家秘密      0      0      0      0      0      0      0',
    ].join('\n');
    const table = tableOf(parseReport(text, { year: 2022 }), 'requests');
    assert.deepEqual(
      table.rows.map((r) => [r.def?.id, r.wording]),
      [
        ['partly', 'standard'],
        ['withheld.secret', 'standard'],
      ],
    );
    assert.deepEqual(values(table, 'partly'), [1, 0, 0, 0, 0, 0, 1]);
  });

  it('reads full-width pipes, rows without outer pipes, full-width digits, separators and money units', () => {
    const text = [
      '# 某县2022年政府信息公开工作年度报告',
      '## 二、主动公开政府信息情况',
      '第二十条第（五）项',
      '｜信息内容｜本年处理决定数量｜',
      '｜行政许可｜１,２３４｜',
      '第二十条第（八）项',
      '信息内容 | 本年收费金额（单位：万元）',
      '行政事业性收费 | 1,234.5万元',
    ].join('\n');
    const report = parseReport(text);
    assert.deepEqual(values(tableOf(report, 'proactive.五'), 'licensing'), [1234]);
    assert.deepEqual(values(tableOf(report, 'proactive.八'), 'fees'), [1234.5]);
    assert.equal(tableOf(report, 'proactive.五').layout, 'pipe');
  });

  it('reads Traditional Chinese headings and labels as the standard ones', () => {
    const text = clean
      .replace('## 三、收到和处理政府信息公开申请情况', '三、收到和處理政府信息公開申請情況')
      .replace('1.属于国家秘密', '1.屬於國家秘密');
    const report = parseReport(text);
    assert.equal(report.sections[2].def.id, 'requests');
    assert.equal(report.sections[2].wording, 'standard');
    assert.equal(tableOf(report, 'requests').rows.find((r) => r.def?.id === 'withheld.secret')?.wording, 'standard');
  });

  it('takes a plain line as a heading only when its title is a standard section’s', () => {
    const text = '某县2022年政府信息公开工作年度报告\n一、总体情况\n三、本年度办理结果\n四、结转下年度继续办理\n二、深化重点领域信息公开\n';
    assert.deepEqual(
      parseReport(text).sections.map((s) => s.def.id),
      ['overview'],
    );
  });

  it('takes the year from the period, then from the overview, when the title has none', () => {
    assert.equal(parseReport('本报告统计期限为2020年1月1日至2020年12月31日。').year?.value, 2020);
    assert.deepEqual(parseReport('一、总体情况\n2021年，本机关……').year, { value: 2021, source: 'overview' });
    assert.equal(parseReport('一、总体情况\n2021年，本机关……', { year: 2019 }).edition, '2019');
  });

  it('gives an edition from the tables where no year is found', () => {
    const noYear = clean.replace(/2023年/g, '本').replace(/2024年/g, '');
    assert.equal(parseReport(noYear).edition, '2021');
    assert.equal(parseReport('一些文字').edition, 'unknown');
  });

  it('never throws, whatever the text', () => {
    for (const text of ['', '\n', '|', '||||', '\t', '| --- |', '# ', '一、', '\t\n\t\n', '\r\n\r\n', '\u0000', clean.slice(0, 1234)]) {
      assert.doesNotThrow(() => parseReport(text), JSON.stringify(text));
    }
  });
});
