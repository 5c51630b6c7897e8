import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { check, readSource, renderReportDocx } from '../../server/src/core';
import type { Report } from '../../server/src/core';
import {
  APPEALS_HEADER,
  REQUESTS_CORNER,
  REQUESTS_HEADER,
  REQUESTS_LABELS_2021,
  assertDraftInPlace,
  assertLabels,
  shapes,
} from './official';
import { draftTables, resolveVerticalMerges, unzip, wordTables } from './tables';

const CLEAN = readFileSync(join(__dirname, '..', '..', 'examples', 'clean-2021.report.md'), 'utf8');

async function exported(text: string): Promise<Uint8Array> {
  return renderReportDocx(check(text).report);
}

async function documentXml(text: string): Promise<{ document: string; styles: string; files: Map<string, Buffer> }> {
  const files = unzip(await exported(text));
  return { document: files.get('word/document.xml')!.toString('utf8'), styles: files.get('word/styles.xml')!.toString('utf8'), files };
}

/** The paragraphs of document.xml outside tables: style, run fonts (east Asian) and sizes, text. */
function paragraphs(xml: string) {
  const outside = xml.replace(/<w:tbl>[\s\S]*?<\/w:tbl>/g, '');
  return [...outside.matchAll(/<w:p>([\s\S]*?)<\/w:p>/g)].map(([, p]) => ({
    style: /<w:pStyle w:val="([^"]+)"\/>/.exec(p)?.[1],
    align: /<w:jc w:val="([^"]+)"\/>/.exec(p)?.[1],
    fonts: [...p.matchAll(/w:eastAsia="([^"]+)"/g)].map((m) => m[1]),
    sizes: [...p.matchAll(/<w:sz w:val="(\d+)"\/>/g)].map((m) => Number(m[1])),
    text: [...p.matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((m) => m[1]).join(''),
  }));
}

describe('export to Word', () => {
  it('merges the Section 三 and 四 header cells with gridSpan and vMerge as the official tables', async () => {
    const tables = wordTables((await documentXml(CLEAN)).document);
    assert.equal(tables.length, 6);
    const requests = tables[4];
    // As written: the corner spans three columns and goes down three rows; 自然人 and 总计 go down two.
    const raw = requests.header.map((row) => row.map((c) => `${c.text || '·'} ${c.colSpan} ${c.vMerge ?? '-'}`));
    assert.deepEqual(raw, [
      [`${REQUESTS_CORNER} 3 restart`, '申请人情况 7 -'],
      ['· 3 continue', '自然人 1 restart', '法人或其他组织 5 -', '总计 1 restart'],
      ['· 3 continue', '· 1 continue', '商业企业 1 -', '科研机构 1 -', '社会公益组织 1 -', '法律服务机构 1 -', '其他 1 -', '· 1 continue'],
    ]);
    assert.deepEqual(shapes(resolveVerticalMerges(requests.header)), REQUESTS_HEADER);
    const body = resolveVerticalMerges([...requests.header, ...requests.body]).slice(requests.header.length);
    assertLabels({ ...requests, body }, REQUESTS_LABELS_2021);
    assert.deepEqual(shapes(resolveVerticalMerges(tables[5].header)), APPEALS_HEADER);
  });

  it('holds every label and figure of the canonical draft in its cell, figures flush right', async () => {
    const { document } = await documentXml(CLEAN);
    const written = wordTables(document);
    const drafted = draftTables(CLEAN);
    written.forEach((table, i) => {
      const rows = resolveVerticalMerges([...table.header, ...table.body]);
      assertDraftInPlace({ header: rows.slice(0, table.header.length), body: rows.slice(table.header.length) }, drafted[i], String(i));
    });
    assert.match(document, /<w:jc w:val="right"\/><\/w:pPr><w:r><w:rPr>[\s\S]*?<w:t xml:space="preserve">149<\/w:t>/);
  });

  it('sets the title 小标宋 二号, headings 黑体 三号, body 仿宋_GB2312 三号, tables 宋体 五号, the signature flush right', async () => {
    const { document, styles } = await documentXml(CLEAN);
    assert.match(styles, /<w:docDefaults><w:rPrDefault><w:rPr><w:rFonts [^>]*w:eastAsia="仿宋_GB2312"[^>]*\/><w:sz w:val="32"\/>/);
    const ps = paragraphs(document);
    assert.deepEqual(ps[0], {
      style: 'Title',
      align: 'center',
      fonts: ['方正小标宋简体'],
      sizes: [44],
      text: '某某县人民政府2023年政府信息公开工作年度报告',
    });
    const headings = ps.filter((p) => p.style === 'Heading1');
    assert.deepEqual(
      headings.map((p) => p.text),
      [
        '一、总体情况',
        '二、主动公开政府信息情况',
        '三、收到和处理政府信息公开申请情况',
        '四、政府信息公开行政复议、行政诉讼情况',
        '五、存在的主要问题及改进情况',
        '六、其他需要报告的事项',
      ],
    );
    for (const h of headings) assert.deepEqual([h.fonts, h.sizes], [['黑体'], [32]]);
    const body = ps.find((p) => p.text.startsWith('2023年，某某县人民政府'))!;
    assert.deepEqual([body.fonts, body.sizes, body.align], [['仿宋_GB2312'], [32], 'both']);
    assert.deepEqual(
      ps.filter((p) => p.align === 'right').map((p) => p.text),
      ['某某县人民政府办公室', '2024年1月20日'],
    );
    const tableRuns = [
      .../<w:tbl>[\s\S]*?<\/w:tbl>/.exec(document)![0].matchAll(/<w:rFonts [^>]*w:eastAsia="([^"]+)"[^>]*\/><w:sz w:val="(\d+)"\/>/g),
    ];
    assert.ok(tableRuns.length > 0);
    for (const [, font, size] of tableRuns) assert.deepEqual([font, size], ['宋体', '21']);
    assert.deepEqual(
      ps.filter((p) => p.text.startsWith('第二十条')).map((p) => p.text),
      ['第二十条第（一）项', '第二十条第（五）项', '第二十条第（六）项', '第二十条第（八）项'],
    );
  });

  it('keeps a figure written past the last column in its row', async () => {
    const { document } = await documentXml(CLEAN.replace('| 行政事业性收费 | 12.5 |', '| 行政事业性收费 | 12.5 | 3 |'));
    const fees = wordTables(document)[3];
    assert.deepEqual(
      fees.body[0].map((c) => c.text),
      ['行政事业性收费', '12.5', '3'],
    );
  });

  it('gives back every figure when the Word file is read again (the docx reader)', async () => {
    const figures = (report: Report) =>
      report.sections.flatMap((s) =>
        s.tables.flatMap((t) => t.rows.flatMap((r) => r.values.map((v) => `${t.def.id} ${r.def?.id} ${v.text}`))),
      );
    const seed = readFileSync(join(__dirname, '..', 'fixtures', 'seeds', '000_62583aa41b8f3eed.txt'), 'utf8');
    for (const draft of [CLEAN, seed]) {
      const back = await readSource(await exported(draft), 'exported.docx');
      assert.deepEqual(back.notes, []);
      const expected = figures(check(draft).report);
      assert.ok(expected.length > 150);
      assert.deepEqual(figures(check(back.text).report), expected);
    }
  });

  it('gives the same bytes for the same draft (no time of writing inside)', async () => {
    const first = await exported(CLEAN);
    await new Promise((resolve) => setTimeout(resolve, 2100));
    const second = await exported(CLEAN);
    assert.ok(Buffer.from(first).equals(Buffer.from(second)));
    assert.doesNotMatch(unzip(first).get('docProps/core.xml')!.toString('utf8'), /dcterms:(created|modified)/);
  });
});
