import assert from 'node:assert/strict';
import { copyFileSync, readFileSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { describe, it } from 'node:test';
import type { TestContext } from 'node:test';
import { DomUtils, parseDocument } from 'htmlparser2';
import { CLEAN, WITH_ERROR, WITH_WARNING, run, tempDir } from './cli';

type Element = ReturnType<typeof DomUtils.getElementsByTagName>[number];

const ROOT = join(__dirname, '..', '..');
const CORPUS = join(ROOT, 'test', 'fixtures', 'corpus');
/** A title whose agency is markup: it must be shown as text, never run. */
const HOSTILE = CLEAN.replace(/^# .*$/m, '# <img src=x onerror="alert(1)">某某县人民政府2023年政府信息公开工作年度报告');

/**
 * A region's folder: 交通与建设局 2023 and 2024 (real pages), the two examples, a report whose title is markup, an old
 * .doc that cannot be checked and a README that is no report.
 */
function folder(t: TestContext): string {
  const dir = tempDir(t);
  for (const file of [
    join(CORPUS, 'pingtan-jiaojian-2023.html'),
    join(CORPUS, 'pingtan-jiaojian-2024.html'),
    join(ROOT, 'examples', 'clean-2021.report.md'),
    join(ROOT, 'examples', 'mistakes-2021.report.md'),
    join(ROOT, 'test', 'fixtures', 'docx', 'pingtan-shenpi-2024.doc'),
  ]) {
    copyFileSync(file, join(dir, basename(file)));
  }
  writeFileSync(join(dir, 'hostile.report.md'), HOSTILE);
  writeFileSync(join(dir, 'README.md'), '# 本目录的政府信息公开工作年度报告\n\n各单位的报告放在这里。\n');
  return dir;
}

const CHECKED = [
  'clean-2021.report.md',
  'hostile.report.md',
  'mistakes-2021.report.md',
  'pingtan-jiaojian-2023.html',
  'pingtan-jiaojian-2024.html',
];

const text = (node: Element | Element[]) => DomUtils.textContent(node);
const all = (root: Element | Element[], test: (e: Element) => boolean) => DomUtils.findAll(test, Array.isArray(root) ? root : [root]);
const byId = (root: Element[], id: string) => DomUtils.getElementById(id, root) as Element;
const hasClass = (e: Element, name: string) => (e.attribs.class ?? '').split(' ').includes(name);

function page(html: string): Element[] {
  return parseDocument(html).children as Element[];
}

describe('check --format html: the review page of a run', () => {
  it('every input in the overview with its status (unreadable .doc with its reason), grouped by status; the totals; no README', (t) => {
    const dir = folder(t);
    const result = run(['check', '--format', 'html', dir]);
    assert.equal(result.status, 2, 'the .doc could not be checked');
    const doc = page(result.stdout);
    const rows = all(byId(doc, 'overview'), (e) => e.name === 'tr' && e.attribs['data-report'] !== undefined);
    const files = rows.map((r) => basename(text(all(r, (e) => e.name === 'a')[0])));
    assert.deepEqual([...files].sort(), [...CHECKED, 'pingtan-shenpi-2024.doc'].sort());
    const statusRank = rows.map((r) => Number(all(r, (e) => e.name === 'td')[0].attribs['data-v']));
    assert.deepEqual(
      statusRank,
      [...statusRank].sort((a, b) => a - b),
      'grouped by status, most urgent first',
    );
    const docRow = rows[files.indexOf('pingtan-shenpi-2024.doc')];
    assert.match(text(docRow), /无法检查.*\.doc 文件无法直接读取/s);
    const jiaojian2024 = rows[files.indexOf('pingtan-jiaojian-2024.html')];
    assert.deepEqual(
      all(jiaojian2024, (e) => e.name === 'td').map((td) => text(td).trim()),
      ['有警告', join(dir, 'pingtan-jiaojian-2024.html'), '平潭综合实验区交通与建设局', '2024', '2021 版', '0', '1', '0', 'in-force-count'],
    );
    const totals = Object.fromEntries(
      all(doc, (e) => e.attribs?.['data-total'] !== undefined && hasClass(e, 'rv-total')).map((e) => [e.attribs['data-total'], text(e)]),
    );
    assert.match(totals.checked, /^5\s*份报告已检查/);
    assert.match(totals.failed, /^1\s*个文件无法检查/);
    assert.match(text(all(doc, (e) => hasClass(e, 'rv-skipped'))), /另有 1 个文件不像年度报告.*README\.md/s);
    assert.match(
      text(all(doc, (e) => hasClass(e, 'rv-unchecked'))),
      /1 个文件无法检查：原因.*pingtan-shenpi-2024\.doc：.*\.doc 文件无法直接读取/s,
    );
  });

  it('the report × rule matrix counts each rule per report and links to the report; the wrong cell is marked with its message beside', (t) => {
    const dir = folder(t);
    const doc = page(run(['check', '--format', 'html', dir]).stdout);
    const matrix = byId(doc, 'matrix');
    const rules = all(matrix, (e) => e.name === 'th' && hasClass(e, 'rv-rule')).map((th) => text(th));
    const rows = all(matrix, (e) => e.name === 'tr' && e.attribs['data-report'] !== undefined);
    assert.equal(rows.length, CHECKED.length, 'a row per checked report');
    const row = rows.find((r) => text(r).includes('平潭综合实验区交通与建设局 2024'))!;
    const cells = all(row, (e) => e.name === 'td');
    assert.equal(text(cells[rules.indexOf('in-force-count')]), '1');
    const link = all(cells[rules.indexOf('in-force-count')], (e) => e.name === 'a')[0].attribs.href;
    const details = byId(doc, link.slice(1));
    assert.equal(details.name, 'details');
    assert.equal(details.attribs.open, undefined, 'collapsed until opened');
    // 行政规范性文件: 23 in force in 2024, but 2023's 15 + 3 issued − 1 repealed = 17 (read from both pages).
    const marked = all(details, (e) => e.name === 'td' && hasClass(e, 'govreport-marked'));
    assert.equal(marked.length, 1);
    assert.match(text(marked[0]), /^23\[1\]$/);
    assert.match(marked[0].attribs.title, /= 17/);
    const beside = all(marked[0].parent!.parent!.parent!.parent as Element, (e) => e.name === 'li')[0];
    assert.match(text(beside), /^第 \d+ 行第 \d+ 列 行政规范性文件现行有效件数为 23.*= 17 in-force-count$/);
  });

  it('draws applications received per report and how they were handled, stacked, from Section 三 as published', (t) => {
    const doc = page(run(['check', '--format', 'html', folder(t)]).stdout);
    const bars = (chart: string) =>
      Object.fromEntries(
        all(byId(doc, chart), (e) => e.name === 'a' && hasClass(e, 'rv-bar')).map((a) => [
          a.attribs['data-label'],
          { total: Number(a.attribs['data-total']), parts: all(a, (e) => e.name === 'rect').length },
        ]),
      );
    const received = bars('chart-received');
    // 交通与建设局: 本年新收 14 (2023) and 58 (2024), 总计 column of the pages' Section 三.
    assert.equal(received['平潭综合实验区交通与建设局 2023'].total, 14);
    assert.equal(received['平潭综合实验区交通与建设局 2024'].total, 58);
    assert.equal(Object.keys(received).length, CHECKED.length);
    // 2024: 予以公开 9, 部分公开 3, 不予公开 4 + 32, 无法提供 10: four parts, 58 in all.
    const handled = bars('chart-handled')['平潭综合实验区交通与建设局 2024'];
    assert.deepEqual(handled, { total: 58, parts: 4 });
    const legend = text(all(byId(doc, 'chart-handled'), (e) => e.name === 'svg')).slice(0, 60);
    assert.match(legend, /（一）予以公开（二）部分公开（三）不予公开（四）无法提供（五）不予处理（六）其他处理/);
  });

  it('escapes what the files say, fetches nothing, and has one script: ours', (t) => {
    const html = run(['check', '--format', 'html', folder(t)]).stdout;
    const doc = page(html);
    assert.equal(all(doc, (e) => e.name === 'img').length, 0);
    // The agency is the title's words without spaces and quotes: markup in it is text on the page.
    const agencies = all(byId(doc, 'overview'), (e) => e.name === 'td').map((td) => text(td));
    assert.ok(agencies.includes('<imgsrc=xonerror=alert(1)>某某县人民政府'), agencies.join(' | '));
    assert.equal(all(doc, (e) => e.name === 'script').length, 1);
    assert.doesNotMatch(html, /(?:src|href)="(?:https?:)?\/\/|@import|url\(/);
    assert.match(html, /Content-Security-Policy" content="default-src 'none'/);
  });

  it('speaks English with --locale en', (t) => {
    const doc = page(run(['check', '--format', 'html', '--locale', 'en', folder(t)]).stdout);
    assert.equal(text(all(doc, (e) => e.name === 'h1')), 'Annual report review');
    assert.match(text(byId(doc, 'overview')), /not checked/);
  });

  it('a run of 120 reports: every one in the overview, details collapsed, the charts keep to the 50 largest', (t) => {
    const dir = tempDir(t);
    const drafts = [CLEAN, WITH_WARNING, WITH_ERROR];
    for (let i = 0; i < 120; i++) {
      const agency = `第${i + 1}县人民政府`;
      writeFileSync(
        join(dir, `${String(i).padStart(3, '0')}.md`),
        drafts[i % 3].replace(/^# .*$/m, `# ${agency}2023年政府信息公开工作年度报告`),
      );
    }
    const doc = page(run(['check', '--format', 'html', dir], { maxBuffer: 64 * 1024 * 1024 }).stdout);
    assert.equal(all(byId(doc, 'overview'), (e) => e.name === 'tr' && e.attribs['data-report'] !== undefined).length, 120);
    const details = all(byId(doc, 'reports'), (e) => e.name === 'details');
    assert.equal(details.length, 120);
    assert.ok(details.every((d) => d.attribs.open === undefined));
    assert.equal(all(byId(doc, 'chart-received'), (e) => e.name === 'a' && hasClass(e, 'rv-bar')).length, 50);
    assert.match(text(byId(doc, 'charts')), /只画出新收申请最多的 50 份报告（共 120 份）/);
  });
});

describe('the summary of a folder walk says how many non-report files it left unchecked', () => {
  for (const format of ['text', 'summary']) {
    it(format, (t) => {
      const dir = tempDir(t);
      writeFileSync(join(dir, 'report.md'), CLEAN);
      writeFileSync(join(dir, 'README.md'), '# 本目录的政府信息公开工作年度报告\n\n各单位的报告放在这里。\n');
      writeFileSync(join(dir, 'notes.md'), '# 备忘\n');
      const result = run(['check', '--format', format, dir]);
      assert.equal(result.status, 0, result.stderr);
      assert.match(result.stdout, /目录中另有 2 个文件不像年度报告，未检查/);
      assert.doesNotMatch(run(['check', '--format', format, join(dir, 'report.md')]).stdout, /不像年度报告/);
    });
  }
});

describe('govreport fix takes --config and --rule like check', () => {
  it('a rule turned off on the command line or in the named configuration is not fixed', (t) => {
    const dir = tempDir(t);
    const draft = join(dir, 'report.md');
    const config = join(dir, 'elsewhere.json');
    writeFileSync(config, JSON.stringify({ rules: { 'label-wording': 'off' } }));
    writeFileSync(draft, WITH_WARNING);
    assert.equal(run(['fix', '--rule', 'label-wording=off', draft]).status, 0);
    assert.equal(readFileSync(draft, 'utf8'), WITH_WARNING);
    assert.equal(run(['fix', '--config', config, draft]).status, 0);
    assert.equal(readFileSync(draft, 'utf8'), WITH_WARNING);
    assert.equal(run(['fix', draft]).status, 0);
    assert.equal(readFileSync(draft, 'utf8'), CLEAN, 'fixed once the rule is on');
    assert.equal(run(['fix', '--rule', 'no-such-rule=off', draft]).status, 2);
  });
});
