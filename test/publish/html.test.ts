import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import MarkdownIt from 'markdown-it';
import { check, govreportTables, renderReport, renderReportHtml } from '../../server/src/core';
import {
  APPEALS_HEADER,
  REQUESTS_HEADER,
  REQUESTS_LABELS_2019,
  REQUESTS_LABELS_2021,
  assertDraftInPlace,
  assertLabels,
  shapes,
} from './official';
import { draftTables, grid, htmlTables } from './tables';

const CLEAN = readFileSync(join(__dirname, '..', '..', 'examples', 'clean-2021.report.md'), 'utf8');
const MISTAKES = readFileSync(join(__dirname, '..', '..', 'examples', 'mistakes-2021.report.md'), 'utf8');
/** The clean draft with （七）总计 of 自然人 written 117 where its parts add up to 118. */
const WRONG_TOTAL = CLEAN.replace('|  | （七）总计 |  | 118 |', '|  | （七）总计 |  | 117 |');

function page(text: string, marked = true): string {
  const { report, findings } = check(text);
  return renderReportHtml(report, marked ? { findings } : {});
}

const plainText = (html: string) => html.replace(/<style>[\s\S]*?<\/style>/, '').replace(/<[^>]+>/g, '');
const escaped = (text: string) => text.replace(/[&<>"']/g, (c) => `&${{ '&': 'amp', '<': 'lt', '>': 'gt', '"': 'quot', "'": '#39' }[c]};`);
const RULE_FIXTURES = join(__dirname, '..', 'fixtures', 'rules');

describe('the report as a published web page', () => {
  it('writes the Section 三 and 四 headers merged as the official tables', () => {
    const tables = htmlTables(page(CLEAN));
    const requests = tables.find((t) => t.id === 'requests')!;
    assert.deepEqual(shapes(requests.header), REQUESTS_HEADER);
    assertLabels(requests, REQUESTS_LABELS_2021);
    assert.deepEqual(shapes(tables.find((t) => t.id === 'appeals')!.header), APPEALS_HEADER);
  });

  it('merges the 2019 edition’s single （六）其他处理 row as its table does', () => {
    const draft = renderReport('2019', 2020, '某某市人民政府', (_row, _column, r, c) => String(r * 10 + c));
    const requests = htmlTables(page(draft)).find((t) => t.id === 'requests')!;
    assert.deepEqual(shapes(requests.header), REQUESTS_HEADER);
    assertLabels(requests, REQUESTS_LABELS_2019);
  });

  it('puts every label and figure of the canonical draft in its cell, figures right-aligned', () => {
    const written = htmlTables(page(CLEAN));
    const drafted = draftTables(CLEAN);
    assert.equal(written.length, 6);
    assert.equal(drafted.length, 6);
    written.forEach((table, i) => assertDraftInPlace(table, drafted[i], table.id ?? String(i)));
    // Read by eye from the draft: 一、本年新收 row, and the figures of Section 四.
    const requests = grid(written.find((t) => t.id === 'requests')!.body);
    assert.deepEqual(requests[0].slice(3), ['118', '21', '1', '1', '3', '5', '149']);
    assert.deepEqual(grid(written.find((t) => t.id === 'appeals')!.body)[0], [
      '3',
      '1',
      '0',
      '1',
      '5',
      '1',
      '0',
      '1',
      '0',
      '2',
      '0',
      '0',
      '0',
      '1',
      '1',
    ]);
    for (const table of written)
      for (const cell of table.body.flat().filter((c) => c.classes.includes('govreport-figure'))) assert.match(cell.text, /^[\d.]+$/);
    assert.match(page(CLEAN), /<td class="govreport-figure" style="text-align:right">149<\/td>/);
  });

  it('captions each Section 二 table with its item, as the draft names it', () => {
    const captions = htmlTables(page(CLEAN)).map((t) => t.caption);
    assert.deepEqual(captions.slice(0, 4), ['第二十条第（一）项', '第二十条第（五）项', '第二十条第（六）项', '第二十条第（八）项']);
    assert.equal(captions[4], undefined);
    assert.doesNotMatch(page(CLEAN), /<p>第二十条/);
  });

  it('marks a wrong total on its cell with the message, and lists the message below the table', () => {
    const html = page(WRONG_TOTAL);
    const requests = htmlTables(html).find((t) => t.id === 'requests')!;
    const total = requests.body[23];
    assert.equal(total[0].text, '（七）总计');
    const natural = total[1];
    assert.equal(natural.text, '117');
    assert.ok(natural.classes.includes('govreport-marked') && natural.classes.includes('govreport-error'), natural.classes.join(' '));
    assert.match(natural.title!, /应为 118.*实为 117/);
    const list = html.slice(html.indexOf('data-table="requests"'), html.indexOf('data-table="appeals"'));
    assert.match(list, /<ol class="govreport-findings"><li value="\d+" class="govreport-error">[^<]*应为 118/);
    // Figures that are right stay unmarked.
    assert.deepEqual(
      requests.body[0].filter((c) => c.classes.includes('govreport-marked')),
      [],
    );
  });

  it('keeps a figure written past the last column, beside the row, marked', () => {
    const html = page(CLEAN.replace('| 行政事业性收费 | 12.5 |', '| 行政事业性收费 | 12.5 | 3 |'));
    const fees = htmlTables(html).find((t) => t.id === 'proactive.八')!;
    assert.deepEqual(
      fees.body[0].map((c) => c.text),
      ['行政事业性收费', '12.5', '3'],
    );
    assert.match(fees.body[0][2].title!, /有 2 个数值，而表格有 1 列/);
  });

  it('shows every finding of a draft with the usual mistakes somewhere on the page', () => {
    const { findings } = check(MISTAKES);
    const text = plainText(page(MISTAKES));
    assert.ok(findings.length >= 8);
    for (const finding of findings) assert.ok(text.includes(escaped(finding.message)), finding.message);
  });

  it('shows every finding of every failing rule fixture, most of them on a cell or a line of their own', () => {
    let placed = 0;
    let all = 0;
    for (const rule of readdirSync(RULE_FIXTURES)) {
      for (const name of readdirSync(join(RULE_FIXTURES, rule)).filter((f) => /^fail-.*(?<!\.fixed)\.md$/.test(f))) {
        const draft = readFileSync(join(RULE_FIXTURES, rule, name), 'utf8');
        const { findings } = check(draft);
        const html = page(draft);
        const text = plainText(html);
        for (const finding of findings) assert.ok(text.includes(escaped(finding.message)), `${rule}/${name}: ${finding.message}`);
        all += findings.length;
        placed += findings.length - (html.split('<h3>其他问题</h3>')[1]?.match(/<li /g)?.length ?? 0);
      }
    }
    assert.ok(all > 40, `${all} findings`);
    assert.ok(placed / all > 0.95, `${placed} of ${all} placed`);
  });

  it('is one self-contained page: title, the six headings, body paragraphs, the signature flush right, fonts inline', () => {
    const html = page(CLEAN, false);
    assert.doesNotMatch(html, /<script|<link|\bsrc=|\bhref=|url\(|@import/);
    assert.match(html, /<h1>某某县人民政府2023年政府信息公开工作年度报告<\/h1>/);
    const headings = [...html.matchAll(/<h2>([^<]*)<\/h2>/g)].map((m) => m[1]);
    assert.deepEqual(headings, [
      '一、总体情况',
      '二、主动公开政府信息情况',
      '三、收到和处理政府信息公开申请情况',
      '四、政府信息公开行政复议、行政诉讼情况',
      '五、存在的主要问题及改进情况',
      '六、其他需要报告的事项',
    ]);
    assert.match(html, /<p>2023年，某某县人民政府坚持以公开为常态/);
    assert.match(html, /<p class="govreport-signature">某某县人民政府办公室<\/p>\n<p class="govreport-signature">2024年1月20日<\/p>/);
    assert.match(html, /article\.govreport \{[^}]*font-family: [^;]*FangSong/);
    assert.match(html, /article\.govreport h2 \{[^}]*font-family: [^;]*SimHei/);
    assert.doesNotMatch(html.slice(html.indexOf('<body>')), /govreport-marked|govreport-findings/);
  });

  // The corner note and the header groups are the standard's wording; all else is the draft's own.
  it('keeps every line of a pasted report, tables written as pipe rows included', () => {
    const pasted = readFileSync(join(__dirname, '..', 'fixtures', 'seeds', '001_f11dda0cfbad3174.txt'), 'utf8');
    const text = plainText(page(pasted, false)).replace(/\s+/g, '');
    for (const line of pasted.split('\n')) {
      for (const piece of line.split(/[|｜]/)) {
        const words = piece.replace(/\s+/g, '');
        if (words && !/^[-:]+$/.test(words) && !words.includes('勾稽')) assert.ok(text.includes(escaped(words)), words);
      }
    }
  });
});

describe('labels as the draft writes them', () => {
  it('joins a header label written one character per line (自 / 然 / 人) and keeps the draft’s own row numbering', () => {
    const pasted = readFileSync(join(__dirname, '..', 'fixtures', 'seeds', '000_62583aa41b8f3eed.txt'), 'utf8');
    const requests = htmlTables(page(pasted, false)).find((t) => t.id === 'requests')!;
    assert.deepEqual(shapes(requests.header)[1], ['自然人 2×1', '法人或其他组织 1×5', '总计 2×1']);
    assert.deepEqual(shapes(requests.body)[4], [
      '（三）不予公开 8×1',
      '1、属于国家秘密 1×1',
      '0 1×1',
      '0 1×1',
      '0 1×1',
      '0 1×1',
      '0 1×1',
      '0 1×1',
      '0 1×1',
    ]);
  });
});

describe('markdown-it plugin: the standard tables of a draft as published', () => {
  const md = new MarkdownIt().use(govreportTables);

  it('renders the standard tables merged as on paper and leaves the rest to markdown-it', () => {
    const html = md.render(CLEAN);
    const tables = htmlTables(html);
    assert.equal(tables.length, 6);
    assert.deepEqual(shapes(tables.find((t) => t.id === 'requests')!.header), REQUESTS_HEADER);
    assert.deepEqual(shapes(tables.find((t) => t.id === 'appeals')!.header), APPEALS_HEADER);
    draftTables(CLEAN).forEach((draft, i) => assertDraftInPlace({ ...tables[i], header: tables[i].header }, draft, String(i)));
    assert.match(html, /<h2>一、总体情况<\/h2>/);
    assert.match(html, /<p>第二十条第（一）项<\/p>/);
    assert.doesNotMatch(html, /<caption>/);
  });

  it('marks the wrong cell with its message', () => {
    const requests = htmlTables(md.render(WRONG_TOTAL)).find((t) => t.id === 'requests')!;
    assert.match(requests.body[23][1].title!, /应为 118.*实为 117/);
  });

  it('changes nothing in markdown that is no report', () => {
    const text = '# Notes\n\n| a | b |\n| --- | --- |\n| 1 | 2 |\n';
    assert.equal(md.render(text), new MarkdownIt().render(text));
  });
});
