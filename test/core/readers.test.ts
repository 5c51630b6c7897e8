import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { strToU8, zipSync } from 'fflate';
import iconv from 'iconv-lite';
import {
  ARITHMETIC_RULES,
  type Finding,
  type Report,
  type SourceDocument,
  arithmeticChanges,
  canonicalTables,
  check,
  importDraft,
  locate,
  notCheckable,
  readSource,
  sourceKindOf,
} from '../../server/src/core';

const FIXTURES = join(__dirname, '..', 'fixtures');
const CORPUS = join(FIXTURES, 'corpus');
const DOCX = join(FIXTURES, 'docx');
const PAGES = readdirSync(CORPUS)
  .filter((f) => f.endsWith('.html'))
  .sort();

type Figures = Record<string, Record<string, Record<string, number | string | null>>>;

/** The figures of a report's tables: table → row → column → value (null blank, the text as written where it is not just the number). */
function figures(report: Report): Figures {
  const out: Figures = {};
  for (const table of report.sections.flatMap((s) => s.tables)) {
    const rows: Figures[string] = (out[table.def.id] ??= {});
    for (const row of table.rows) {
      if (!row.def) continue;
      rows[row.def.id] = Object.fromEntries(
        row.values.map((cell, i) => [
          table.def.columns[i].id,
          cell.value.kind === 'blank'
            ? null
            : cell.value.kind === 'number' && String(cell.value.value) === cell.text
              ? cell.value.value
              : cell.text,
        ]),
      );
    }
  }
  return out;
}

const read = (dir: string, name: string) => readSource(readFileSync(join(dir, name)), name);
const expected = (page: string): Figures => JSON.parse(readFileSync(join(CORPUS, 'expected', page.replace(/\.html$/, '.json')), 'utf8'));
const arithmetic = (findings: Finding[]) =>
  findings.filter((f) => ARITHMETIC_RULES.includes(f.rule)).map((f) => [f.rule, f.expected, f.actual]);

describe('web pages: every corpus page read by its structure', () => {
  for (const page of PAGES) {
    it(page, async () => {
      const source = await read(CORPUS, page);
      assert.equal(source.kind, 'html');
      const { report, findings } = check(source.text);
      assert.deepEqual(figures(report), expected(page), "figures as the page's tables have them");
      assert.equal(report.year?.source, 'title');
      assert.equal(report.year?.value, Number(/(\d{4})\.html$/.exec(page)![1]));
      const structural = findings.filter((f) =>
        ['title-missing', 'section-missing', 'table-missing', 'row-unknown', 'table-shape'].includes(f.rule),
      );
      assert.deepEqual(structural, []);
      const errors = arithmetic(findings);
      if (page === 'pingtan-shenpi-2024.html') assert.deepEqual(errors, [['review-total', 1, 0]], '表四 行政复议 维持 1 but 总计 0');
      else assert.deepEqual(errors, [], 'a correct report has no arithmetic finding');
      assert.doesNotMatch(
        source.text,
        /相关链接|当前位置|附件下载|文件下载|分享到|网站地图|版权所有|主办单位/,
        "the site's chrome is left out",
      );
    });
  }

  it('a finding points at its cell in the page (line and column of the HTML file)', async () => {
    const html = readFileSync(join(CORPUS, 'pingtan-shenpi-2024.html'), 'utf8');
    const source = await read(CORPUS, 'pingtan-shenpi-2024.html');
    const finding = check(source.text).findings.find((f) => f.rule === 'review-total')!;
    const where = locate(source.origins, finding.span.start)!;
    const line = html.split('\n')[where.line! - 1];
    assert.equal(line[where.column! - 1], '0');
    // The cell is the fifth of the row holding 1 0 0 0 0: 行政复议 总计.
    assert.match(line.slice(0, where.column! - 1), /<p>1<\/p><\/td>(?:<td[^>]*><p>0<\/p><\/td>){3}<td[^>]*><p>$/);
  });

  it('a page declared GB2312 and encoded as GBK reads the same as its UTF-8 original', async () => {
    const html = readFileSync(join(CORPUS, 'pingtan-jiaojian-2024.html'), 'utf8').replace(
      /<meta charset="UTF-8" \/>/i,
      '<meta http-equiv="Content-Type" content="text/html; charset=gb2312" />',
    );
    assert.match(html, /charset=gb2312/);
    const gbk = await readSource(iconv.encode(html, 'gbk'), 'page.htm');
    assert.deepEqual(figures(check(gbk.text).report), expected('pingtan-jiaojian-2024.html'));
  });

  it('a page without a declared charset: UTF-8 with a byte order mark, else GB18030 where not valid UTF-8', async () => {
    const html = '<html><body><h1>某县2023年政府信息公开工作年度报告</h1><p>一、总体情况</p><p>正文</p></body></html>';
    const bom = await readSource(Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(html)]), 'a.html');
    const gb = await readSource(iconv.encode(html, 'gb18030'), 'b.shtml');
    assert.equal(bom.text, gb.text);
    assert.match(bom.text, /^# 某县2023年政府信息公开工作年度报告\n\n## 一、总体情况\n\n正文\n/);
  });

  it('cells written one character per paragraph are one label; &nbsp; around figures is not part of them', async () => {
    const html = `<html><body><p>某局2023年政府信息公开工作年度报告</p><p>三、收到和处理政府信息公开申请情况</p><table>
      <tr><td><p>自</p><p>然</p><p>人</p></td><td>&nbsp;0</td><td>7&nbsp;</td></tr></table></body></html>`;
    const source = await readSource(Buffer.from(html), 'x.html');
    assert.match(source.text, /\| 自然人 \| 0 \| 7 \|/);
  });

  it('import: the canonical draft of each page, tables in the standard layout, gives the same figures and arithmetic findings', async () => {
    for (const page of PAGES) {
      const source = await read(CORPUS, page);
      const draft = canonicalTables(importDraft(source.text).text);
      assert.deepEqual(arithmeticChanges(source.text, draft), { lost: [], gained: [] }, page);
      assert.deepEqual(figures(check(draft).report), expected(page), page);
      const { report } = check(draft);
      const layout = report.sections.flatMap((s) => s.tables).map((t) => draft.slice(t.span.start, t.span.end).split('\n')[0]);
      assert.ok(
        layout.some((header) => /^\| \| 自然人 \||^\| （本列数据的[勾钩]稽关系为：.*\| 自然人 \|/.test(header)),
        `${page}: the requests table's header is one row: ${layout}`,
      );
      assert.doesNotMatch(draft, /\| 第二十条第/, `${page}: item names above their tables, not inside`);
    }
  });
});

describe('Word files: read by their structure', () => {
  const fromPages = readdirSync(DOCX).filter((f) => f.startsWith('pingtan-') && f.endsWith('.docx'));

  it('fixtures exist for corpus pages (made by LibreOffice)', () => {
    assert.ok(fromPages.length >= 3);
  });

  for (const file of fromPages) {
    it(`${file}: the figures of its source page, cell by cell`, async () => {
      const source = await read(DOCX, file);
      assert.equal(source.kind, 'docx');
      const { report, findings } = check(source.text);
      assert.deepEqual(figures(report), expected(file.replace(/\.docx$/, '.html')));
      for (const table of report.sections.flatMap((s) => s.tables)) {
        assert.equal(
          table.headerLabels.length,
          table.def.columns.length,
          `${table.def.id}: every column header read from the merged header cells`,
        );
      }
      assert.deepEqual(
        findings.filter((f) => ['title-missing', 'section-missing'].includes(f.rule)),
        [],
      );
    });
  }

  it('the real error is found in the Word version too, and points at table, row and cell', async () => {
    const source = await read(DOCX, 'pingtan-shenpi-2024.docx');
    const finding = check(source.text).findings.find((f) => f.rule === 'review-total')!;
    assert.deepEqual([finding.expected, finding.actual], [1, 0]);
    // Table 3 of the document is 表四; its 4th row holds the figures; the 5th cell is 行政复议 总计.
    assert.deepEqual(locate(source.origins, finding.span.start), { table: 3, row: 4, cell: 5 });
  });

  it('a canonical draft saved as Word: the same figures and the same arithmetic findings; headings from Heading styles', async () => {
    const draft = readFileSync(join(DOCX, 'canonical-2023.report.md'), 'utf8');
    const source = await read(DOCX, 'canonical-2023.docx');
    assert.match(source.text, /^# 某某县人民政府2023年政府信息公开工作年度报告\n/);
    const fromDraft = check(draft);
    const fromWord = check(source.text);
    assert.deepEqual(figures(fromWord.report), figures(fromDraft.report));
    assert.ok(arithmetic(fromDraft.findings).length > 10);
    assert.deepEqual(arithmetic(fromWord.findings), arithmetic(fromDraft.findings));
  });

  it("Word's own way of writing merges (<w:vMerge/> continues), gridBefore, outline levels and 标题 styles", async () => {
    const cell = (text: string, props = '') => `<w:tc><w:tcPr>${props}</w:tcPr><w:p><w:r><w:t>${text}</w:t></w:r></w:p></w:tc>`;
    const body = [
      '<w:p><w:pPr><w:pStyle w:val="a1"/></w:pPr><w:r><w:t>某局2023年政府信息公开工作年度报告</w:t></w:r></w:p>',
      '<w:p><w:pPr><w:outlineLvl w:val="1"/></w:pPr><w:r><w:t>三、收到和处理</w:t></w:r><w:r><w:t>政府信息公开申请情况</w:t></w:r></w:p>',
      '<w:tbl>',
      `<w:tr>${cell('甲', '<w:vMerge w:val="restart"/>')}${cell('乙', '<w:gridSpan w:val="2"/>')}</w:tr>`,
      `<w:tr>${cell('', '<w:vMerge/>')}${cell('1')}${cell('2')}</w:tr>`,
      `<w:tr><w:trPr><w:gridBefore w:val="1"/></w:trPr>${cell('3')}${cell('4')}</w:tr>`,
      '</w:tbl>',
    ].join('');
    const styles = '<w:styles><w:style w:type="paragraph" w:styleId="a1"><w:name w:val="标题 1"/></w:style></w:styles>';
    const bytes = zipSync({
      'word/document.xml': strToU8(`<w:document><w:body>${body}</w:body></w:document>`),
      'word/styles.xml': strToU8(styles),
    });
    const source = await readSource(bytes, 'a.docx');
    assert.equal(
      source.text,
      '# 某局2023年政府信息公开工作年度报告\n\n## 三、收到和处理政府信息公开申请情况\n\n| 甲 | 乙 |  |\n| --- | --- | --- |\n|  | 1 | 2 |\n|  | 3 | 4 |\n\n',
    );
    assert.deepEqual(locate(source.origins, source.text.indexOf('4')), { table: 1, row: 3, cell: 2 });
    assert.deepEqual(locate(source.origins, source.text.indexOf('三、')), { paragraph: 2 });
  });

  it('a damaged .docx is not read, and says so', async () => {
    const source = await readSource(Buffer.from('PK\u0003\u0004 not really a zip'), 'broken.docx');
    assert.equal(source.text, '');
    assert.equal(source.notes[0].kind, 'unreadable');
  });
});

describe('the reader registry', () => {
  it('picks the reader by extension', () => {
    assert.deepEqual(
      ['a.md', 'b.TXT', 'c.html', 'd.htm', 'e.shtml', 'f.docx', 'g.pdf', 'h.doc', 'i.wps', 'j.et', 'k.png'].map(sourceKindOf),
      ['markdown', 'text', 'html', 'html', 'html', 'docx', 'pdf', 'office', 'office', 'office', undefined],
    );
  });

  for (const name of ['pingtan-shenpi-2024.doc', 'report.wps', 'table.et']) {
    it(`${name}: not read, told to save as .docx`, async () => {
      const bytes = name.endsWith('.doc') ? readFileSync(join(DOCX, name)) : Buffer.from('x');
      const source: SourceDocument = await readSource(bytes, name);
      assert.equal(source.text, '');
      assert.equal(source.notes.length, 1);
      assert.equal(source.notes[0].kind, 'unreadable');
      assert.match(source.notes[0].message.zh, /另存为 \.docx/);
    });
  }

  it('a scan without a text layer, or a damaged file, has nothing to check; other notes do not stop the check', () => {
    const note = (kind: SourceDocument['notes'][number]['kind']) => ({
      kind,
      message: { zh: '扫描件，没有文字层', en: 'a scan without a text layer' },
    });
    const document = (kind: SourceDocument['notes'][number]['kind']): SourceDocument => ({
      kind: 'pdf',
      text: '',
      origins: [],
      notes: [note(kind)],
    });
    assert.equal(notCheckable(document('no-text-layer'))?.kind, 'no-text-layer');
    assert.equal(notCheckable(document('unreadable'))?.kind, 'unreadable');
    assert.equal(notCheckable(document('table-ambiguous')), undefined);
  });

  it('reader notes travel with the report to the rules', () => {
    const notes = [
      { kind: 'table-unreadable' as const, span: { start: 0, end: 1 }, message: { zh: '表格无法读取', en: 'table unreadable' } },
    ];
    assert.deepEqual(check('# 标题\n', {}, { notes }).report.notes, notes);
  });

  it('text files are taken as they are', async () => {
    const source = await readSource(Buffer.from('# 标题\n'), 'a.md', '# 标题\n');
    assert.deepEqual(source, { kind: 'markdown', text: '# 标题\n', origins: [], notes: [] });
  });
});

describe('label variants seen in real reports are known variants', () => {
  const cases: [string, string, string][] = [
    ['本年废止件数', '本年废纸件数', 'label-wording'],
    ['现行有效件数', '先行有效件数', 'label-wording'],
    ['其他法律行政法规禁止公开', '其他法律和行政法规禁止公开', 'label-wording'],
    ['申请人无正当理由逾期不补正、行政机关不再处理其', '申请人无正当理由逾期不补正、行政机关不再受理其', 'label-wording'],
    ['政府信息公开行政复议、行政诉讼情况', '政府信息公开行政法复议、行政诉讼情况', 'section-wording'],
  ];
  const base = readFileSync(join(DOCX, 'canonical-2023.report.md'), 'utf8');
  for (const [standard, variant, rule] of cases) {
    it(variant, () => {
      const { report, findings } = check(base.replace(standard, variant));
      const wordings = [
        ...report.sections.map((s) => [s.heading.text, s.wording]),
        ...report.sections
          .flatMap((s) => s.tables)
          .flatMap((t) => [...t.headerLabels.map((h) => [h.cell.text, h.wording]), ...t.rows.map((r) => [r.label?.text, r.wording])]),
      ];
      assert.ok(
        wordings.some(([text, wording]) => text?.includes(variant) && wording === 'variant'),
        'matched as a known variant',
      );
      assert.equal(findings.filter((f) => f.rule === rule && f.message.includes(variant)).length, 1);
    });
  }

  it('本年公开数量 (edition 2019)', () => {
    const text = base
      .replace('2023年', '2019年')
      .replace('本年制发件数', '本年新制作数量')
      .replace('本年废止件数', '本年公开数量')
      .replace('现行有效件数', '对外公开总数量');
    const { report } = check(text, { edition: '2019' });
    const header = report.sections.flatMap((s) => s.tables)[0].headerLabels.find((h) => h.cell.text === '本年公开数量');
    assert.equal(header?.wording, 'variant');
    assert.equal(header?.column.id, 'published');
  });
});

describe('readers never throw, and their origins stay inside the draft', () => {
  const TOKENS = [
    '<table>',
    '</table>',
    '<tr>',
    '</tr>',
    '<td rowspan="3">',
    '<td colspan="999999">',
    '<td>',
    '</td>',
    '<p>',
    '</p>',
    '<br>',
    '<div>',
    '</div>',
    '<h2>',
    '</h2>',
    '<script>',
    '</script>',
    '&nbsp;',
    '&#0;',
    '一、总体情况',
    '三、收到和处理政府信息公开申请情况',
    '自然人',
    '7',
    '0',
    '\n',
    ' ',
    '<meta charset="gbk">',
    '<!--',
    '-->',
    '<',
    '>',
    '"',
  ];
  const origins = (doc: SourceDocument) =>
    doc.origins.every((o, i) => o.start <= o.end && o.end <= doc.text.length && (i === 0 || doc.origins[i - 1].end <= o.start));

  it('web pages made of random pieces of markup', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(fc.constantFrom(...TOKENS), { maxLength: 200 }), async (pieces) => {
        const doc = await readSource(Buffer.from(pieces.join('')), 'random.html');
        assert.ok(origins(doc));
        check(doc.text);
      }),
      { numRuns: 300 },
    );
  });

  it('Word files: random bytes, and zips holding random document XML', async () => {
    const XML = [
      '<w:body>',
      '</w:body>',
      '<w:tbl>',
      '</w:tbl>',
      '<w:tr>',
      '</w:tr>',
      '<w:tc>',
      '</w:tc>',
      '<w:p>',
      '</w:p>',
      '<w:t>',
      '</w:t>',
      '<w:vMerge/>',
      '<w:vMerge w:val="restart"/>',
      '<w:gridSpan w:val="4"/>',
      '<w:tcPr>',
      '</w:tcPr>',
      '12',
      '总计',
      '<',
    ];
    await fc.assert(
      fc.asyncProperty(fc.uint8Array({ maxLength: 300 }), fc.array(fc.constantFrom(...XML), { maxLength: 150 }), async (bytes, pieces) => {
        for (const input of [bytes, zipSync({ 'word/document.xml': strToU8(`<w:document>${pieces.join('')}</w:document>`) })]) {
          const doc = await readSource(input, 'random.docx');
          assert.ok(origins(doc));
          check(doc.text);
        }
      }),
      { numRuns: 300 },
    );
  });
});
