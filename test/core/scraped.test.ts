import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { type Table, check, locate, looksScraped, parseReport, readScrapedText } from '../../server/src/core';

const DIR = join(__dirname, '..', 'fixtures', 'scraped');
type Expected = Record<string, string | Record<string, number[]>>;
const EXPECTED: Record<string, { edition: string; tables: Expected; findings: string[] }> = JSON.parse(
  readFileSync(join(DIR, 'expected.json'), 'utf8'),
);
const FILES = readdirSync(DIR)
  .filter((f) => f.endsWith('.txt'))
  .sort();

const values = (table: Table) =>
  Object.fromEntries(table.rows.map((r) => [r.def?.id ?? '?', r.values.map((c) => (c.value.kind === 'number' ? c.value.value : NaN))]));

function read(file: string) {
  const source = readFileSync(join(DIR, file), 'utf8');
  const doc = readScrapedText(source);
  return { source, doc, report: parseReport(doc.text), findings: check(doc.text).findings };
}

describe('scraped page text (the corpus reports as the archive stores them)', () => {
  it('every corpus report is there, with its expected figures', () => {
    assert.deepEqual(
      FILES.map((f) => f.replace(/\.txt$/, '')),
      Object.keys(EXPECTED)
        .filter((k) => !k.startsWith('_'))
        .sort(),
    );
  });

  it('is told apart from pasted text and drafts', () => {
    for (const file of FILES) assert.ok(looksScraped(readFileSync(join(DIR, file), 'utf8')), file);
    const seeds = join(__dirname, '..', 'fixtures', 'seeds');
    for (const file of readdirSync(seeds)) assert.ok(!looksScraped(readFileSync(join(seeds, file), 'utf8')), file);
    for (const file of ['clean-2021.report.md', 'mistakes-2021.report.md']) {
      assert.ok(!looksScraped(readFileSync(join(__dirname, '..', '..', 'examples', file), 'utf8')), file);
    }
  });

  for (const file of FILES) {
    const name = file.replace(/\.txt$/, '');
    describe(name, () => {
      const expected = EXPECTED[name];
      const { source, doc, report, findings } = read(file);

      it('reads every table with exactly the figures of the page (or marks it ambiguous)', () => {
        assert.equal(report.edition, expected.edition);
        const tables = new Map(report.sections.flatMap((s) => s.tables).map((t) => [t.def.id, t]));
        const ambiguous = report.sections.flatMap((s) =>
          s.unread.filter((u) => u.kind === 'ambiguous').map((u) => (u.item ? `proactive.${/（(.+)）/.exec(u.item)![1]}` : s.def.id)),
        );
        for (const [id, want] of Object.entries(expected.tables)) {
          if (want === 'ambiguous') {
            assert.ok(ambiguous.includes(id), `${id} is ambiguous`);
            assert.ok(!tables.has(id), `${id}: no figures are invented for an ambiguous table`);
            continue;
          }
          const table = tables.get(id);
          assert.ok(table, `${id} is read`);
          const got = values(table);
          if (typeof want === 'string') continue;
          if (id === 'requests') {
            for (const row of table.def.rows) assert.deepEqual(got[row.id], want[row.id] ?? [0, 0, 0, 0, 0, 0, 0], `${id} ${row.id}`);
          } else {
            assert.deepEqual(got, want, id);
          }
        }
        assert.equal(tables.size + ambiguous.length, Object.keys(expected.tables).length, 'no other table');
      });

      it('gets the findings the page deserves, and no others', () => {
        assert.deepEqual(findings.map((f) => f.rule).sort(), [...expected.findings].sort());
      });

      it('signs, titles and sections as the page does', () => {
        assert.ok(report.title?.year, 'the title comes from the 标题 line');
        assert.equal(new Set(report.sections.map((s) => s.def.id)).size, 6, 'all six sections');
        if (!expected.findings.includes('signing-date')) assert.ok(report.signingDate, 'the date that ends the body is the signing date');
      });

      it('every figure and label points back to its place in the file', () => {
        const lineStarts = [0, ...[...source.matchAll(/\n/g)].map((m) => m.index + 1)];
        const at = (offset: number) => {
          const where = locate(doc.origins, offset)!;
          return lineStarts[where.line! - 1] + where.column! - 1;
        };
        for (const table of report.sections.flatMap((s) => s.tables)) {
          for (const row of table.rows) {
            for (const cell of row.values)
              assert.equal(source.slice(at(cell.span.start), at(cell.span.start) + cell.text.length), cell.text);
            if (row.label) assert.ok(source.slice(at(row.label.span.start)).startsWith(row.label.text), row.label.text);
          }
        }
      });
    });
  }
});

const HEAD = '标题: 某县2022年政府信息公开工作年度报告\n==================== 正文 ====================\n';
const REQUESTS =
  '一、本年新收政府信息公开申请数量RECEIVED二、上年结转政府信息公开申请数量0000000三、本年度办理结果（一）予以公开DISCLOSED（二）部分公开（区分处理的，只计这一情形，不计其他情形）0000000（三）不予公开1.属于国家秘密00000002.其他法律行政法规禁止公开00000003.危及“三安全一稳定”00000004.保护第三方合法权益00000005.属于三类内部事务信息00000006.属于四类过程性信息00000007.属于行政执法案卷00000008.属于行政查询事项0000000（四）无法提供1.本机关不掌握相关政府信息00000002.没有现成信息需要另行制作00000003.补正后申请内容仍不明确0000000（五）不予处理1.信访举报投诉类申请00000002.重复申请00000003.要求提供公开出版物00000004.无正当理由大量反复申请00000005.要求行政机关确认或重新出具已获取信息0000000（六）其他处理1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请00000002.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请00000003.其他0000000（七）总计TOTAL四、结转下年度继续办理0000000';

function scraped(received: string, disclosed: string, total: string): string {
  const requests = REQUESTS.replace('RECEIVED', received).replace('DISCLOSED', disclosed).replace('TOTAL', total);
  return `${HEAD}本报告统计期限为2022年1月1日至2022年12月31日。一、总体情况全年收到申请。二、主动公开政府信息情况第二十条第（五）项信息内容本年处理决定数量行政许可12三、收到和处理政府信息公开申请情况${requests}四、政府信息公开行政复议、行政诉讼情况行政复议行政诉讼结果维持结果纠正其他结果尚未审结总计000000000000000五、存在的主要问题及改进情况无。六、其他需要报告的事项无。某县人民政府办公室 2023年1月10日\n`;
}

describe('splitting runs of figures by the table’s relations', () => {
  it('uses the one split every relation allows (280000028 is 28 | 0 … | 28)', () => {
    const { report, doc, findings } = read0(scraped('280000028', '280000028', '280000028'));
    const table = report.sections.flatMap((s) => s.tables).find((t) => t.def.id === 'requests')!;
    assert.deepEqual(values(table).received, [28, 0, 0, 0, 0, 0, 28]);
    assert.deepEqual(values(table).total, [28, 0, 0, 0, 0, 0, 28]);
    assert.ok(doc.notes.some((n) => n.kind === 'figures-recovered'));
    assert.deepEqual(
      findings.map((f) => f.rule),
      [],
    );
  });

  it('marks a table ambiguous where several splits keep every relation, and checks no arithmetic on it', () => {
    // 110000011 in every row of figures: 11 | 0 … | 11 or 1 | 10 | 0 … | 11; both keep every total.
    const { report, findings } = read0(scraped('110000011', '110000011', '110000011'));
    const requests = report.sections.find((s) => s.def.id === 'requests')!;
    assert.equal(requests.tables.length, 0);
    assert.deepEqual(
      requests.unread.map((u) => [u.kind, u.reason]),
      [['ambiguous', 'several-splits']],
    );
    assert.deepEqual(
      findings.map((f) => f.rule),
      ['table-ambiguous'],
    );
  });

  it('takes a split the digits force as it is, so a wrong total is found', () => {
    const { findings } = read0(scraped('5000005', '4000004', '4000005'));
    assert.ok(findings.some((f) => f.rule === 'row-total' && f.expected === 4 && f.actual === 5));
    assert.ok(!findings.some((f) => f.rule === 'table-ambiguous' || f.rule === 'table-unreadable'));
  });

  it('reports a table whose figures cannot fill its columns as unreadable, once', () => {
    const { findings } = read0(scraped('5000005', '5000005', '5000005').replace('总计000000000000000五', '总计0000000000000000五'));
    assert.deepEqual(
      findings.map((f) => f.rule),
      ['table-unreadable'],
    );
  });
});

/** The synthetic report has one table of 二 and says nothing of fees: only the findings about its tables count. */
function read0(text: string) {
  const doc = readScrapedText(text);
  const findings = check(doc.text).findings.filter((f) => f.rule !== 'table-missing' && f.rule !== 'fee-disclosure');
  return { doc, report: parseReport(doc.text), findings };
}
