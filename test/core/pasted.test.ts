import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { type Report, type Table, check, fixAll, parseReport } from '../../server/src/core';

const clean = readFileSync(join(__dirname, '..', '..', 'examples', 'clean-2021.report.md'), 'utf8');
const fragments = readFileSync(join(__dirname, '..', 'fixtures', 'parse', 'fragments.md'), 'utf8');
const tables = (report: Report) => report.sections.flatMap((s) => s.tables);
const figures = (table: Table) => table.rows.map((r) => [r.def?.id, r.values.map((c) => c.text).join(' ')].join(': '));
const rules = (text: string) => check(text).findings.map((f) => f.rule);

describe('pasted text: tables cut into fragments, tables written as lines', () => {
  it('reads a table a page number and a caption (`- 3 -`, `表三（续）`) cut in two as one table', () => {
    const report = parseReport(fragments);
    const requests = tables(report).filter((t) => t.def.id === 'requests');
    assert.equal(requests.length, 1);
    assert.deepEqual(figures(requests[0]), figures(tables(parseReport(clean)).find((t) => t.def.id === 'requests')!));
    assert.ok(!rules(fragments).some((r) => r === 'row-missing' || r === 'row-unknown' || r === 'table-missing'));
  });

  it('drops the header a converter repeats at the top of the next fragment', () => {
    const header = clean
      .split('\n')
      .filter((l) => l.startsWith('| （本列数据'))
      .concat('| --- | --- | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |');
    const cut = clean.replace(
      /(\| {2}\| {2}\| 4\.保护第三方合法权益[^\n]*\n)/,
      `$1\n第 3 页\n\n三、收到和处理政府信息公开申请情况（续）\n\n${header.join('\n')}\n`,
    );
    assert.notEqual(cut, clean);
    assert.deepEqual(rules(cut), [], 'no finding: the same as the whole table');
    assert.equal(parseReport(cut).sections.length, 6, 'the caption is not a section');
  });

  it('places unlabelled rows of a fragment by their position', () => {
    const cut = clean.replace(/\| {2}\| {2}\| 5\.属于三类内部事务信息 \|/, '|  |  |  |');
    const requests = tables(parseReport(cut)).find((t) => t.def.id === 'requests')!;
    assert.equal(
      requests.rows
        .find((r) => r.def?.id === 'withheld.internal')
        ?.values.map((c) => c.text)
        .join(' '),
      '1 0 0 0 0 0 1',
    );
  });

  it('reads 第二十条（五）（六）（八）项 written as `行政许可 97` lines as their tables', () => {
    const report = parseReport(fragments);
    const byId = new Map(tables(report).map((t) => [t.def.id, figures(t)]));
    assert.deepEqual(byId.get('proactive.五'), ['licensing: 1268']);
    assert.deepEqual(byId.get('proactive.六'), ['penalty: 342', 'coercion: 17']);
    assert.deepEqual(byId.get('proactive.八'), ['fees: 12.5']);
    assert.deepEqual(rules(fragments), ['table-not-markdown', 'table-not-markdown', 'table-not-markdown']);
  });
});

describe('pasted text: headings, title and signing date wherever they stand', () => {
  const page = [
    '标题: 某县人民政府2023年政府信息公开工作年度报告',
    '发布时间: 2024-01-20',
    '',
    '本报告所列数据的统计期限为2023年1月1日至2023年12月31日。',
    '一、总体情况2023年，某县坚持以公开为常态、不公开为例外，全面推进政务公开，全年收到政府信息公开申请149件，均依法按时答复。',
    '六、其他需要报告的事项',
    '本年度未收取信息处理费。',
    '某县人民政府办公室 2024年1月20日',
    '',
    '【打印本页】 【关闭窗口】',
    '发布机构：某县人民政府办公室',
  ].join('\n');
  const report = parseReport(page);

  it('takes the title from a 标题: line', () => {
    assert.equal(report.title?.text, '某县人民政府2023年政府信息公开工作年度报告');
    assert.equal(report.title?.year, 2023);
  });

  it('finds a heading that opens a line and goes on with its text', () => {
    assert.deepEqual(
      report.sections.map((s) => s.heading.text),
      ['一、总体情况', '六、其他需要报告的事项'],
    );
    assert.equal(report.sections[0].wording, 'standard');
  });

  it('finds the signing date on the office’s line, before the page’s chrome', () => {
    assert.deepEqual([report.signingDate?.year, report.signingDate?.month, report.signingDate?.day], [2024, 1, 20]);
    assert.equal(page.slice(report.signingDate!.span.start, report.signingDate!.span.end), '2024年1月20日');
    assert.ok(!rules(page).includes('signing-date'));
  });
});

describe('pasted text whose table lost its separators (labels and figures run together)', () => {
  const text = readFileSync(join(__dirname, '..', 'fixtures', 'parse', 'run-together.md'), 'utf8');
  const tableRules = (t: string) => rules(t).filter((r) => r !== 'narrative-mismatch');

  it('reads the figures where the digits allow one split, and offers the canonical table', () => {
    const requests = tables(parseReport(text)).find((t) => t.def.id === 'requests')!;
    assert.equal(requests.layout, 'run-together');
    const row = (id: string) =>
      requests.rows
        .find((r) => r.def?.id === id)!
        .values.map((c) => c.text)
        .join(' ');
    assert.equal(row('received'), '58 0 0 0 0 0 58');
    assert.equal(row('withheld.internal'), '32 0 0 0 0 0 32');
    assert.equal(row('total'), '58 0 0 0 0 0 58');
    for (const cell of requests.rows.flatMap((r) => r.values)) assert.equal(text.slice(cell.span.start, cell.span.end), cell.text);
    assert.deepEqual(tableRules(text), ['table-not-markdown']);
    const fixed = fixAll(text).text;
    assert.deepEqual(tableRules(fixed), []);
    assert.equal(tables(parseReport(fixed)).find((t) => t.def.id === 'requests')!.layout, 'markdown');
  });

  it('finds a wrong total where the digits force every cell', () => {
    const forced = text
      .replace('5800000 58', '5000005')
      .replace('320000032', '3000003')
      .replace('100000010', '1000001')
      .replace('580000058', '9000009');
    const found = check(forced)
      .findings.filter((f) => f.rule === 'results-total')
      .map((f) => [f.expected, f.actual]);
    assert.deepEqual(
      found,
      [
        [20, 9],
        [20, 9],
      ],
      '9 + 3 + 4 + 3 + 1 = 20 in 自然人 and 总计',
    );
  });

  it('reports a table whose digits allow several splits once, as ambiguous, with no arithmetic', () => {
    const ambiguous = text.replace('5.属于三类内部事务信息320000032', '5.属于三类内部事务信息3200000320');
    assert.deepEqual(tableRules(ambiguous), ['table-ambiguous']);
  });

  it('reports a table whose digits cannot fill its columns once, as unreadable', () => {
    const unreadable = text.replace('6.属于四类过程性信息0000000', '6.属于四类过程性信息0000000000');
    assert.deepEqual(tableRules(unreadable), ['table-unreadable']);
  });
});
